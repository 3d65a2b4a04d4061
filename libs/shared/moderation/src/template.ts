/**
 * Response templates: `{placeholder}` fields filled from the case. Unknown placeholders (a typo such
 * as `{categoria}`) and known ones without a value are left in place and reported, so the console can
 * say what to fix instead of sending a reply with a hole in it.
 */

export const TEMPLATE_PLACEHOLDERS = ['ref', 'title', 'category', 'department', 'date', 'area', 'address', 'status'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<TemplatePlaceholder, string | null | undefined>>;

export interface FilledTemplate {
  text: string;
  /** Placeholders that are not in TEMPLATE_PLACEHOLDERS, each once, in order of appearance. */
  unknown: string[];
  /** Known placeholders for which no value was given. */
  missing: TemplatePlaceholder[];
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function isKnown(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

export function fillTemplate(body: string, values: TemplateValues): FilledTemplate {
  const unknown = new Set<string>();
  const missing = new Set<TemplatePlaceholder>();
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isKnown(name)) {
      unknown.add(name);
      return whole;
    }
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text, unknown: [...unknown], missing: [...missing] };
}

/** The placeholders a template uses, each once. */
export function templatePlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}
