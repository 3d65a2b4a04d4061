import { departmentMail, type DispatchCase } from './department-mail';

const c: DispatchCase = {
  reportId: '12',
  ref: 'PLZ-2026-000012',
  title: 'Farola apagada',
  description: 'Lleva <dos> semanas sin luz',
  categoryCode: 'alumbrado',
  categoryName: { es: 'Alumbrado público', en: 'Street lighting', eu: 'Kaleko argiteria' },
  address: 'Calle Mayor 1',
  lat: 40.4168,
  lon: -3.7038,
  reporterName: 'Ana López',
  reporterEmail: 'ana@example.org',
  reporterPhone: null,
  photoUrls: ['https://plaza.example/api/v1/media/a.webp'],
  departmentId: 'd-1',
  departmentName: { es: 'Alumbrado', en: 'Lighting' },
  locale: 'es',
};

describe('departmentMail', () => {
  it('carries the details, the reporter’s contact, the photos and a link to the console case, in Spanish by default', () => {
    const mail = departmentMail('alumbrado@city.example', c, 'https://plaza.example');
    expect(mail).toMatchObject({ to: 'alumbrado@city.example', locale: 'es', dedupeKey: 'dispatch-email:12:d-1' });
    expect(mail.subject).toBe('[Plaza PLZ-2026-000012] Alumbrado público: Farola apagada');
    for (const part of [
      'Nueva incidencia para Alumbrado: PLZ-2026-000012',
      'Lugar: Calle Mayor 1 (40.416800, -3.703800)',
      'Ana López · ana@example.org',
      'Foto: https://plaza.example/api/v1/media/a.webp',
      'https://plaza.example/console/cases/PLZ-2026-000012',
    ]) {
      expect(mail.text).toContain(part);
    }
    expect(mail.html).toContain('<html lang="es"');
    expect(mail.html).toContain('Lleva &lt;dos&gt; semanas');
  });

  it('writes in the department’s language when the caller knows it, names from the data in that language', () => {
    const en = departmentMail('lighting@city.example', { ...c, photoUrls: [] }, 'https://plaza.example', 'en');
    expect(en).toMatchObject({ locale: 'en', subject: '[Plaza PLZ-2026-000012] Street lighting: Farola apagada' });
    expect(en.text).toContain('New case for Lighting: PLZ-2026-000012');
    expect(en.text).toContain('No photos.');
    expect(en.html).toContain('<html lang="en"');
    const eu = departmentMail('argiteria@city.example', { ...c, photoUrls: ['https://p/a.webp', 'https://p/b.webp'] }, 'https://plaza.example', 'eu');
    expect(eu.subject).toBe('[Plaza PLZ-2026-000012] Kaleko argiteria: Farola apagada');
    // No Basque name for the department in the data: the city's Spanish one.
    expect(eu.text).toContain('Abisu berria Alumbrado sailarentzat: PLZ-2026-000012');
    expect(eu.text).toContain('Argazkiak: https://p/a.webp https://p/b.webp');
    expect(eu.html).toContain('<html lang="eu"');
  });
});
