import { CATEGORY_ICON_PATHS, FALLBACK_ICON_PATH, categoryIconPath, categoryIconSvg } from './category-icons';

describe('category icons', () => {
  it('draws every seeded category icon and falls back for unknown ones', () => {
    for (const icon of ['pothole', 'sidewalk', 'streetlight', 'graffiti', 'broom', 'bin', 'sofa', 'tree', 'playground', 'traffic-light', 'sign', 'drop', 'bench']) {
      expect(CATEGORY_ICON_PATHS[icon]).toMatch(/^M[\d\s.,a-zA-Z-]+$/);
    }
    expect(categoryIconPath('rocket')).toBe(FALLBACK_ICON_PATH);
    expect(categoryIconPath(undefined)).toBe(FALLBACK_ICON_PATH);
  });

  it('renders a decorative SVG string that never carries the input as markup', () => {
    const svg = categoryIconSvg('<script>', 16);
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).toContain(`d="${FALLBACK_ICON_PATH}"`);
    expect(svg).not.toContain('<script>');
  });
});
