import { LOCALES, type Locale } from '@plaza/shared/contracts';
import { LOCALE_NAMES } from '@plaza/web/i18n';
import { TextAreaField, TextField } from '@plaza/web/ui';
import type { FormFields } from './form-errors';

/** What an admin form holds for a text kept in every language: one string per language. */
export type LocalizedDraft = Record<Locale, string>;

/** A stored text as a draft: languages it lacks (rows from before issue 18) start empty. */
export function localizedDraft(text?: Partial<Record<Locale, string>> | null): LocalizedDraft {
  return Object.fromEntries(LOCALES.map((locale) => [locale, text?.[locale] ?? ''])) as LocalizedDraft;
}

export function trimDraft(draft: LocalizedDraft): LocalizedDraft {
  return Object.fromEntries(LOCALES.map((locale) => [locale, draft[locale].trim()])) as LocalizedDraft;
}

export function isBlankDraft(draft: LocalizedDraft): boolean {
  return LOCALES.every((locale) => !draft[locale].trim());
}

/**
 * How the API's field errors for this text (`name`, `name.eu`) map to the inputs: the summary reads
 * "Nombre (Euskara)" so a missing language is named, and the link lands on its input.
 */
export function localizedFormFields(apiField: string, idPrefix: string, legend: string): FormFields {
  const fields: FormFields = { [apiField]: { id: `${idPrefix}-es`, label: legend } };
  for (const locale of LOCALES) fields[`${apiField}.${locale}`] = { id: `${idPrefix}-${locale}`, label: `${legend} (${LOCALE_NAMES[locale]})` };
  return fields;
}

export interface LocalizedTextFieldsetProps {
  /** Inputs get `${idPrefix}-${locale}` ids. */
  idPrefix: string;
  legend: string;
  hint?: string;
  value: LocalizedDraft;
  onChange(value: LocalizedDraft): void;
  /** The message for an input id, or undefined (useApiForm's `error`). */
  error(id: string): string | undefined;
  multiline?: boolean;
  maxLength?: number;
}

/**
 * One text in the five languages Plaza speaks: a fieldset whose legend says what the text is, an
 * input per language labelled with the language's own name and carrying `lang`, so a screen reader
 * reads "Euskara" and the Basque text in Basque, and the spell checker picks the right dictionary.
 */
export function LocalizedTextFieldset({ idPrefix, legend, hint, value, onChange, error, multiline, maxLength = 500 }: LocalizedTextFieldsetProps) {
  return (
    <fieldset className="ui-fieldset localized-text" aria-describedby={hint ? `${idPrefix}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${idPrefix}-hint`} className="ui-field__hint">
          {hint}
        </p>
      )}
      <div className={multiline ? undefined : 'form-pair'}>
        {LOCALES.map((locale) => {
          const id = `${idPrefix}-${locale}`;
          const label = <span lang={locale}>{LOCALE_NAMES[locale]}</span>;
          const props = {
            id,
            label,
            lang: locale,
            value: value[locale],
            maxLength,
            error: error(id),
          };
          return multiline ? (
            <TextAreaField key={locale} {...props} rows={3} onChange={(event) => onChange({ ...value, [locale]: event.target.value })} />
          ) : (
            <TextField key={locale} {...props} autoComplete="off" onChange={(event) => onChange({ ...value, [locale]: event.target.value })} />
          );
        })}
      </div>
    </fieldset>
  );
}
