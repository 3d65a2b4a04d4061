import { feedFact, feedText, statusLabel } from './feed-text';

describe('feed text', () => {
  it('writes the feed titles in Spanish, Basque, Galician and Catalan', () => {
    expect(feedText('es', 'feed.newReportsIn', { filter: 'Centro · Bache' })).toBe('Nuevos avisos: Centro · Bache');
    expect(feedText('eu', 'feed.newReports')).toBe('Abisu berriak');
    expect(feedText('gl', 'feed.reportUpdates', { ref: '2026-000316', title: 'Farola' })).toBe('Novidades do aviso 2026-000316: Farola');
    expect(feedText('ca', 'feed.reportFiled')).toBe('Avís registrat');
    expect(feedText('eu', 'feed.cityHall')).toBe('Udala');
  });

  it('keeps coordinates as given, in every language', () => {
    const near = { radius: 500, lat: '40.4169', lon: '-3.7035' };
    expect(feedText('es', 'feed.nearPoint', near)).toBe('a menos de 500 m de 40.4169, -3.7035');
    expect(feedText('eu', 'feed.nearPoint', near)).toBe('40.4169, -3.7035 puntutik 500 m baino gutxiagora');
  });

  it('labels the facts of a report item with the status names the map shows', () => {
    expect(feedFact('gl', 'status', statusLabel('in_progress', 'gl'))).toBe('Estado: En curso');
    expect(feedFact('eu', 'address', 'Kale Nagusia 1')).toBe('Helbidea: Kale Nagusia 1');
    expect(feedFact('ca', 'area', 'Centre')).toBe('Districte: Centre');
  });
});
