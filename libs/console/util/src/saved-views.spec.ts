import { describe, expect, it } from '@jest/globals';
import { parseSavedViews, SAVED_VIEWS_MAX, savedViewsKey, withoutSavedView, withSavedView } from './saved-views';

describe('saved inbox views', () => {
  it('keeps views per person', () => {
    expect(savedViewsKey('u1')).not.toBe(savedViewsKey('u2'));
  });

  it('reads only well-formed views', () => {
    expect(parseSavedViews(null)).toEqual([]);
    expect(parseSavedViews('not json')).toEqual([]);
    expect(parseSavedViews('{"name":"x"}')).toEqual([]);
    expect(parseSavedViews('[{"name":"Centro","search":"?area=01"},{"name":3},null]')).toEqual([{ name: 'Centro', search: '?area=01' }]);
  });

  it('adds newest first, replaces a view of the same name and stays bounded', () => {
    let views = withSavedView([], { name: 'Vencidos', search: '?queue=overdue' });
    views = withSavedView(views, { name: 'Farolas', search: '?category=farola' });
    views = withSavedView(views, { name: 'vencidos', search: '?queue=overdue&sort=due' });
    expect(views).toEqual([
      { name: 'vencidos', search: '?queue=overdue&sort=due' },
      { name: 'Farolas', search: '?category=farola' },
    ]);
    expect(withSavedView(views, { name: '   ', search: '' })).toEqual(views);
    expect(withoutSavedView(views, 'Farolas')).toEqual([{ name: 'vencidos', search: '?queue=overdue&sort=due' }]);
    for (let i = 0; i < 30; i += 1) views = withSavedView(views, { name: `v${i}`, search: '' });
    expect(views).toHaveLength(SAVED_VIEWS_MAX);
  });
});
