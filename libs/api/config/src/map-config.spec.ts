import { DEFAULT_TILE_URL, privacyNoticeFor, readMapConfig } from './map-config';

describe('readMapConfig', () => {
  it('defaults to OpenStreetMap with its credit and the built-in notices', () => {
    const problems: string[] = [];
    const config = readMapConfig({}, problems);
    expect(problems).toEqual([]);
    expect(config.tiles).toEqual({ url: DEFAULT_TILE_URL, attribution: expect.stringContaining('OpenStreetMap'), maxZoom: 19 });
    expect(Object.keys(config.privacyNotice)).toEqual(['es', 'en', 'ca', 'eu', 'gl']);
  });

  it('takes a custom tile server without borrowing OpenStreetMap’s credit', () => {
    const config = readMapConfig({ TILE_URL: 'https://tiles.city.example/{z}/{x}/{y}.png', TILE_MAX_ZOOM: '20' }, []);
    expect(config.tiles).toEqual({ url: 'https://tiles.city.example/{z}/{x}/{y}.png', attribution: '', maxZoom: 20 });
  });

  it('collects every problem', () => {
    const problems: string[] = [];
    readMapConfig({ TILE_URL: 'https://tiles.example/tile.png', TILE_MAX_ZOOM: '30' }, problems);
    expect(problems).toHaveLength(2);
    readMapConfig({ TILE_URL: 'ftp://x/{z}/{x}/{y}' }, problems);
    expect(problems).toHaveLength(3);
  });

  it('uses the operator’s notices, in paragraphs, falling back to Spanish', () => {
    const config = readMapConfig({ PRIVACY_NOTICE_ES: 'Responsable: Concello.\\n\\nFinalidad: avisos.\nmás texto' }, []);
    expect(privacyNoticeFor(config.privacyNotice, 'gl')).toEqual({
      locale: 'es',
      paragraphs: ['Responsable: Concello.', 'Finalidad: avisos. más texto'],
    });
    expect(privacyNoticeFor(readMapConfig({}, []).privacyNotice, 'en').locale).toBe('en');
  });

  it('has a notice of its own for the alerts form, about alerts, on consent', () => {
    const config = readMapConfig({}, []);
    const alerts = privacyNoticeFor(config.alertsPrivacyNotice, 'es').paragraphs.join(' ');
    expect(alerts).toContain('avisos nuevos que coinciden con la alerta');
    expect(alerts).toContain('consentimiento');
    expect(alerts).not.toContain('tramitar tu aviso');
    const own = readMapConfig({ ALERTS_PRIVACY_NOTICE_EU: 'Arduraduna: Udala.' }, []);
    expect(privacyNoticeFor(own.alertsPrivacyNotice, 'eu')).toEqual({ locale: 'eu', paragraphs: ['Arduraduna: Udala.'] });
    expect(own.privacyNotice).toEqual(config.privacyNotice);
  });

  it('has both built-in notices in the five languages, each with the same six labelled layers', () => {
    const config = readMapConfig({}, []);
    for (const notice of [config.privacyNotice, config.alertsPrivacyNotice]) {
      for (const locale of ['es', 'en', 'ca', 'eu', 'gl'] as const) {
        const shown = privacyNoticeFor(notice, locale);
        expect(shown.locale).toBe(locale);
        expect(shown.paragraphs).toHaveLength(6);
        for (const paragraph of shown.paragraphs) expect(paragraph).toMatch(/^[^:]{3,30}: \S/);
      }
    }
    expect(privacyNoticeFor(config.privacyNotice, 'gl').paragraphs[0]).toContain('Concello');
    expect(privacyNoticeFor(config.privacyNotice, 'ca').paragraphs[0]).toContain('Ajuntament');
    expect(privacyNoticeFor(config.privacyNotice, 'eu').paragraphs[0]).toContain('Udala');
  });
});
