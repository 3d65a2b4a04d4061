import { departmentMail, type DispatchCase } from './department-mail';

const c: DispatchCase = {
  reportId: '12',
  ref: 'PLZ-2026-000012',
  title: 'Farola apagada',
  description: 'Lleva <dos> semanas sin luz',
  categoryCode: 'alumbrado',
  categoryName: 'Alumbrado público',
  address: 'Calle Mayor 1',
  lat: 40.4168,
  lon: -3.7038,
  reporterName: 'Ana López',
  reporterEmail: 'ana@example.org',
  reporterPhone: null,
  photoUrls: ['https://plaza.example/api/v1/media/a.webp'],
  departmentId: 'd-1',
  departmentName: 'Alumbrado',
  locale: 'es',
};

describe('departmentMail', () => {
  it('carries the details, the reporter’s contact, the photos and a link to the console case', () => {
    const mail = departmentMail('alumbrado@city.example', c, 'https://plaza.example');
    expect(mail).toMatchObject({ to: 'alumbrado@city.example', locale: 'es', dedupeKey: 'dispatch-email:12:d-1' });
    expect(mail.subject).toBe('[Plaza PLZ-2026-000012] Alumbrado público: Farola apagada');
    for (const part of ['Calle Mayor 1', 'Ana López · ana@example.org', 'https://plaza.example/api/v1/media/a.webp', 'https://plaza.example/console/cases/PLZ-2026-000012']) {
      expect(mail.text).toContain(part);
    }
    expect(mail.html).toContain('Lleva &lt;dos&gt; semanas');
  });
});
