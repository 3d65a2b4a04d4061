import { describe, expect, it } from '@jest/globals';
import { checkStyle, fillTemplate } from '@plaza/shared/moderation';
import { DEMO_TEMPLATES } from './demo-templates.repository';

// The seeded replies are what a newcomer tries first in the console: each must pass the city's
// own style check once its placeholders are filled, or the demo teaches the wrong voice.
describe('demo response templates', () => {
  const values = {
    ref: '2026-000123',
    category: 'Alumbrado',
    department: 'Alumbrado Público',
    date: '12/05/2026',
    area: 'Centro',
    status: 'Resuelto',
    title: 'Farola apagada',
    address: 'Calle Mayor 1',
  };

  it.each(DEMO_TEMPLATES.map((t) => [t.title, t] as const))('"%s" passes the style check', (_title, template) => {
    const filled = fillTemplate(template.body, values);
    const blocking = checkStyle(filled.text, template.locale).filter((f) => f.severity === 'error');
    expect(blocking).toEqual([]);
  });

  it('has every template in the five languages, one text per language', () => {
    const byTemplate = new Map<string, string[]>();
    for (const t of DEMO_TEMPLATES) {
      const key = `${t.category ?? '*'}:${t.status ?? '*'}`;
      byTemplate.set(key, [...(byTemplate.get(key) ?? []), t.locale]);
    }
    for (const [key, locales] of byTemplate) expect([key, [...locales].sort()]).toEqual([key, ['ca', 'en', 'es', 'eu', 'gl']]);
  });
});
