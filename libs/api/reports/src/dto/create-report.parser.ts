import { parseInput } from '@plaza/api/http';
import { REPORT_LIMITS } from '@plaza/shared/contracts';
import { isEmail, isLatitude, isLongitude, matches, maxLength, minLength } from 'class-validator';
import { CreateReportDto, ReporterDto } from './create-report.dto';

/**
 * The body of `POST /reports` as a `CreateReportDto`, or the same validation problem as
 * `parseInput(CreateReportDto, body)`.
 *
 * class-validator's `validateSync` walks its metadata store on every call: the largest single
 * item of the API's own CPU when filing reports under load (docs/decisions/0015-write-path.md).
 * A well-formed body — nearly every one — is recognised here by the DTO's own rules, checked
 * by class-validator's own predicates (the same email, length and coordinate checks), and built
 * as `plainToInstance` builds it. Anything else goes to `parseInput`, so a refused body gets
 * exactly the answer it got before: the field errors, their order, codes and messages come from
 * class-validator as ever. `create-report.parser.spec.ts` runs both over a corpus of bodies.
 */
export function parseCreateReport(body: unknown): CreateReportDto {
  return wellFormedReport(body) ?? parseInput(CreateReportDto, body);
}

const REPORT_FIELDS = new Set(['category', 'title', 'description', 'lat', 'lon', 'address', 'reporter', 'consent']);
const REPORTER_FIELDS = new Set(['name', 'email', 'phone', 'showName']);
// The pattern of ReporterDto.phone's @Matches.
const PHONE = /^\+?[0-9 ().-]{6,32}$/;

/**
 * The DTO when `body` passes every rule of CreateReportDto (and its ReporterDto), else null —
 * also for the odd valid body it does not recognise (parseInput then decides). Never a DTO for a
 * body class-validator would refuse.
 */
export function wellFormedReport(body: unknown): CreateReportDto | null {
  if (!isPlainObject(body)) return null;
  const keys = Object.keys(body);
  // A field the DTO does not declare is refused (forbidNonWhitelisted).
  for (const key of keys) if (!REPORT_FIELDS.has(key)) return null;
  const reporter = wellFormedReporter(body['reporter']);
  if (
    reporter === null ||
    !isNonEmptyString(body['category']) ||
    !isStringWithin(body['title'], REPORT_LIMITS.titleMin, REPORT_LIMITS.titleMax) ||
    !isStringWithin(body['description'], REPORT_LIMITS.descriptionMin, REPORT_LIMITS.descriptionMax) ||
    !isFiniteNumber(body['lat']) ||
    !isLatitude(body['lat'] as unknown as string) ||
    !isFiniteNumber(body['lon']) ||
    !isLongitude(body['lon'] as unknown as string) ||
    !isAbsentOr(body['address'], (value) => typeof value === 'string' && maxLength(value, REPORT_LIMITS.addressMax)) ||
    body['consent'] !== true
  ) {
    return null;
  }
  // As plainToInstance builds it: a new instance, the body's fields in the body's order (the
  // idempotency request hash is taken over this object's JSON).
  const dto = new CreateReportDto() as unknown as Record<string, unknown>;
  for (const key of keys) dto[key] = key === 'reporter' ? reporter : body[key];
  return dto as unknown as CreateReportDto;
}

function wellFormedReporter(value: unknown): ReporterDto | null {
  if (!isPlainObject(value)) return null;
  const keys = Object.keys(value);
  for (const key of keys) if (!REPORTER_FIELDS.has(key)) return null;
  const email = value['email'];
  if (
    !isNonEmptyString(value['name']) ||
    !maxLength(value['name'], REPORT_LIMITS.nameMax) ||
    typeof email !== 'string' ||
    !maxLength(email, REPORT_LIMITS.emailMax) ||
    !isEmail(email) ||
    !isAbsentOr(value['phone'], (phone) => typeof phone === 'string' && matches(phone, PHONE)) ||
    typeof value['showName'] !== 'boolean'
  ) {
    return null;
  }
  const reporter = new ReporterDto() as unknown as Record<string, unknown>;
  for (const key of keys) reporter[key] = value[key];
  return reporter as unknown as ReporterDto;
}

/** An object as JSON.parse makes it (not an array, a class instance or a null-prototype object). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

// @IsDefined @IsString @IsNotEmpty
function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

// @IsDefined @IsString @MinLength @MaxLength (class-validator counts a surrogate pair as one)
function isStringWithin(value: unknown, min: number, max: number): boolean {
  return typeof value === 'string' && minLength(value, min) && maxLength(value, max);
}

// @IsDefined @IsNumber({ allowNaN: false, allowInfinity: false })
function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

// @IsOptional: null and undefined skip the field's other rules.
function isAbsentOr(value: unknown, rule: (value: unknown) => boolean): boolean {
  return value === undefined || value === null || rule(value);
}
