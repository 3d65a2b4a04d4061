import { DomainError, parseInput } from '@plaza/api/http';
import { REPORT_LIMITS } from '@plaza/shared/contracts';
import { CreateReportDto, ReporterDto } from './create-report.dto';
import { parseCreateReport, wellFormedReport } from './create-report.parser';

// The hand-written parser must answer every body exactly as class-validator does: the same DTO
// (class, fields, field order: the idempotency hash is taken over its JSON) for a valid body, the
// same validation problem (field errors in order, codes, messages) for any other.

const ABSENT = Symbol('absent');
type Variant = unknown;

const valid = {
  category: 'limpieza',
  title: 'Acera sucia junto al mercado',
  description: 'Restos de basura desde hace días delante del portal.',
  lat: 40.4336,
  lon: -3.7003,
  address: 'Calle de Santa Engracia, 20',
  reporter: { name: 'Lucía Pérez', email: 'lucia@example.org', phone: '+34 600 111 222', showName: false },
  consent: true,
};

const text = (n: number) => 'a'.repeat(n);
// A surrogate pair counts as one character for class-validator's length rules.
const emoji = (n: number) => '😀'.repeat(n);
const wrongTypes: Variant[] = [ABSENT, null, 7, true, [], ['x'], {}, { a: 1 }];

const reporterVariants: Record<string, Variant[]> = {
  name: ['Ana', '', ' ', text(REPORT_LIMITS.nameMax), text(REPORT_LIMITS.nameMax + 1), emoji(REPORT_LIMITS.nameMax), ...wrongTypes],
  email: [
    'ana@example.org',
    'ANA@Example.ORG',
    ' ana@example.org ',
    'ana@example',
    'ana@@example.org',
    'ana.example.org',
    'ana+tag@sub.example.co.uk',
    '"quoted"@example.org',
    'ana@[127.0.0.1]',
    'ñandú@example.org',
    `${text(64)}@${text(63)}.${text(63)}.${text(58)}.org`,
    `${text(65)}@example.org`,
    `${text(60)}@${text(200)}.org`,
    '',
    ...wrongTypes,
  ],
  phone: ['+34 600 111 222', '600111222', '(91) 555-12.34', '12345', '+' + '1'.repeat(32), '1'.repeat(33), 'call me', '', 600111222, true, ABSENT, null, []],
  showName: [true, false, 'true', 0, 1, ABSENT, null, {}],
};

const reportVariants: Record<string, Variant[]> = {
  category: ['bache', '', ' ', 'x'.repeat(500), ...wrongTypes],
  title: [
    text(REPORT_LIMITS.titleMin),
    text(REPORT_LIMITS.titleMin - 1),
    text(REPORT_LIMITS.titleMax),
    text(REPORT_LIMITS.titleMax + 1),
    emoji(REPORT_LIMITS.titleMax),
    emoji(REPORT_LIMITS.titleMin - 1),
    '   ',
    '',
    ...wrongTypes,
  ],
  description: [
    text(REPORT_LIMITS.descriptionMin),
    text(REPORT_LIMITS.descriptionMin - 1),
    text(REPORT_LIMITS.descriptionMax),
    text(REPORT_LIMITS.descriptionMax + 1),
    '',
    ...wrongTypes,
  ],
  lat: [40.4336, 0, -0, 90, -90, 90.0000001, -91, 1e-7, 45.12345678901234, '40.4', NaN, Infinity, ...wrongTypes],
  lon: [-3.7003, 0, 180, -180, 180.0001, 200, 1e-9, '-3.7', NaN, -Infinity, ...wrongTypes],
  address: ['Calle Mayor, 1', '', text(REPORT_LIMITS.addressMax), text(REPORT_LIMITS.addressMax + 1), ABSENT, null, 5, true, [], {}],
  consent: [true, false, 'true', 1, ABSENT, null, {}],
};

type Outcome = { dto: { class: string; reporterClass: string | null; json: string; keys: string[] } } | { problem: unknown };

function outcome(parse: (body: unknown) => CreateReportDto, body: unknown): Outcome {
  try {
    const dto = parse(body);
    const reporter = (dto as { reporter?: unknown }).reporter;
    return {
      dto: {
        class: Object.getPrototypeOf(dto).constructor.name,
        reporterClass: reporter && typeof reporter === 'object' ? Object.getPrototypeOf(reporter).constructor.name : null,
        json: JSON.stringify(dto),
        keys: Object.keys(dto),
      },
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { problem: { code: error.code, kind: error.kind, message: error.message, fieldErrors: error.fieldErrors, text: error.text } };
  }
}

function withField(base: Record<string, unknown>, field: string, value: Variant): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  if (value === ABSENT) delete copy[field];
  else copy[field] = value;
  return copy;
}

/** A small deterministic generator, so a failing body can be found again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function corpus(): unknown[] {
  const bodies: unknown[] = [valid, null, [], [valid], 'text', 42, true, {}];
  for (const [field, values] of Object.entries(reportVariants)) for (const value of values) bodies.push(withField(valid, field, value));
  for (const [field, values] of Object.entries(reporterVariants)) {
    for (const value of values) bodies.push({ ...valid, reporter: withField(valid.reporter, field, value) });
  }
  for (const reporter of [ABSENT, null, 'Ana', 3, [], [valid.reporter], [valid.reporter, {}], [[1]], {}, { ...valid.reporter, extra: 1 }]) {
    bodies.push(withField(valid, 'reporter', reporter));
  }
  // Fields the DTO does not declare, at the top and in the reporter; in another order.
  bodies.push({ ...valid, extra: 1 }, { ...valid, Title: 'x', photos: [] }, { extra: null, ...valid });
  bodies.push(JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(valid).slice(1)}`));
  bodies.push(JSON.parse(`{"constructor": 1, ${JSON.stringify(valid).slice(1)}`));
  bodies.push({ consent: true, reporter: { showName: true, email: 'ana@example.org', name: 'Ana' }, lon: 1, lat: 2, description: 'abc', title: 'abc', category: 'c' });
  bodies.push(Object.assign(Object.create(null), valid), { ...valid, reporter: Object.assign(Object.create(null), valid.reporter) });
  // Many fields wrong at once, drawn at random: errors listed in the same order, each with its first rule.
  const next = random(13);
  const pick = <T>(values: T[]): T => values[Math.floor(next() * values.length)]!;
  for (let i = 0; i < 3000; i++) {
    let body: Record<string, unknown> = { ...valid };
    for (const [field, values] of Object.entries(reportVariants)) if (next() < 0.5) body = withField(body, field, pick(values));
    let reporter: Record<string, unknown> = { ...valid.reporter };
    for (const [field, values] of Object.entries(reporterVariants)) if (next() < 0.5) reporter = withField(reporter, field, pick(values));
    if (next() < 0.1) reporter['nickname'] = 'x';
    if (next() < 0.1) body['unknown'] = 1;
    body['reporter'] = reporter;
    bodies.push(body);
  }
  return bodies;
}

describe('parseCreateReport', () => {
  const bodies = corpus();

  it('answers every body of the corpus as class-validator does', () => {
    let accepted = 0;
    for (const body of bodies) {
      const expected = outcome((b) => parseInput(CreateReportDto, b), body);
      expect({ body, outcome: outcome(parseCreateReport, body) }).toEqual({ body, outcome: expected });
      if ('dto' in expected) accepted++;
    }
    // The corpus exercises both sides.
    expect(accepted).toBeGreaterThan(40);
    expect(bodies.length - accepted).toBeGreaterThan(1000);
  });

  it('recognises well-formed bodies itself, and never one class-validator refuses', () => {
    let recognised = 0;
    for (const body of bodies) {
      const fast = wellFormedReport(body);
      if (fast === null) continue;
      recognised++;
      expect(() => parseInput(CreateReportDto, body)).not.toThrow();
    }
    expect(recognised).toBeGreaterThan(40);
  });

  it('builds the DTO classes plainToInstance builds, fields in the body order', () => {
    const body = { consent: true, reporter: { showName: true, email: 'ana@example.org', name: 'Ana' }, lon: 1, lat: 2, description: 'abc', title: 'abc', category: 'c' };
    const dto = wellFormedReport(body);
    expect(dto).toBeInstanceOf(CreateReportDto);
    expect(dto?.reporter).toBeInstanceOf(ReporterDto);
    expect(JSON.stringify(dto)).toBe(JSON.stringify(parseInput(CreateReportDto, body)));
    expect(JSON.stringify(dto)).toBe(JSON.stringify(body));
  });

  it('recognises the bodies the web form and the bench send', () => {
    expect(wellFormedReport(valid)).not.toBeNull();
    expect(wellFormedReport({ ...valid, address: null, reporter: { ...valid.reporter, phone: null } })).not.toBeNull();
    const { address: _address, ...withoutAddress } = valid;
    expect(wellFormedReport(withoutAddress)).not.toBeNull();
  });
});
