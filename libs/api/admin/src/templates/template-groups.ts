import { LOCALES, type ResponseTemplate, type ResponseTemplateGroup } from '@plaza/shared/contracts';

/** Folds a template's language rows (ordered by group) into one template per group. */
export function groupTemplates(rows: readonly ResponseTemplate[]): ResponseTemplateGroup[] {
  const groups = new Map<string, ResponseTemplateGroup>();
  for (const row of rows) {
    let group = groups.get(row.groupId);
    if (!group) {
      group = { id: row.groupId, categoryCode: row.categoryCode, status: row.status, active: row.active, texts: {} };
      groups.set(row.groupId, group);
    }
    if ((LOCALES as readonly string[]).includes(row.locale)) {
      group.texts[row.locale as keyof ResponseTemplateGroup['texts']] = {
        templateId: row.id,
        title: row.title,
        body: row.body,
        styleNotes: row.styleNotes,
      };
    }
    // Rows of one group agree on these, unless written before the group existed: any inactive
    // language makes the group read inactive, so saving it does not switch that one back on.
    group.active &&= row.active;
  }
  return [...groups.values()];
}
