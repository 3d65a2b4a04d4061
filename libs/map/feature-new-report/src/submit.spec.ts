import { EMPTY_DRAFT } from './draft';
import { sentPath, SubmissionAttempt, toFormData } from './submit';

const draft = { ...EMPTY_DRAFT, location: { lat: 40.4169, lon: -3.7035 }, category: 'bache', title: 'Bache', description: 'Hondo', name: 'Ana', email: 'ana@example.org', consent: true };

describe('SubmissionAttempt', () => {
  it('keeps the key for a retry of the same content and changes it for new content', () => {
    const attempt = new SubmissionAttempt();
    const first = attempt.keyFor(draft);
    expect(first).toMatch(/^web-[A-Za-z0-9_-]{24}$/);
    expect(attempt.keyFor({ ...draft })).toBe(first);
    const edited = attempt.keyFor({ ...draft, title: 'Bache grande' });
    expect(edited).not.toBe(first);
    expect(attempt.keyFor({ ...draft, title: 'Bache grande' })).toBe(edited);
    expect(new SubmissionAttempt().keyFor(draft)).not.toBe(first);
  });

  it('treats another photo as new content', () => {
    const attempt = new SubmissionAttempt();
    const first = attempt.keyFor(draft);
    const withPhoto = { ...draft, photos: [new File([new Uint8Array([1, 2, 3])], 'a.jpg', { type: 'image/jpeg', lastModified: 1 })] };
    expect(attempt.keyFor(withPhoto)).not.toBe(first);
  });
});

describe('toFormData', () => {
  it('writes nested reporter fields in bracket notation and leaves out empty optional ones', () => {
    const form = toFormData({ ...draft, title: '  Bache  ', showName: true });
    expect(Object.fromEntries(form.entries())).toEqual({
      category: 'bache',
      title: 'Bache',
      description: 'Hondo',
      lat: '40.4169',
      lon: '-3.7035',
      'reporter[name]': 'Ana',
      'reporter[email]': 'ana@example.org',
      'reporter[showName]': 'true',
      consent: 'true',
    });
  });
});

describe('sentPath', () => {
  const filed = (awaitingConfirmation: boolean) =>
    ({ type: 'Feature', id: '2026-000042', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { ref: '2026-000042' }, awaitingConfirmation }) as never;

  it('asks an anonymous reporter to check their email, and shows a signed-in one the plain confirmation', () => {
    expect(sentPath(filed(true))).toBe('/new/sent/2026-000042?confirm=email');
    expect(sentPath(filed(false))).toBe('/new/sent/2026-000042');
  });
});
