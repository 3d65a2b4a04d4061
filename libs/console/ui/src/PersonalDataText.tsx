import type { PersonalDataKind, PersonalDataSpan } from '@plaza/shared/moderation';
import { useT } from '@plaza/web/i18n';
import { Fragment } from 'react';

/**
 * The text with what looks like personal data in <mark>. Screen readers hear where each mark starts
 * and ends and what it may be ("possible phone number"), since highlighting alone is not announced.
 */
export function PersonalDataText({ text, spans }: { text: string; spans: readonly PersonalDataSpan[] }) {
  const { t } = useT();
  const parts: React.ReactNode[] = [];
  let at = 0;
  spans.forEach((span, index) => {
    if (span.start > at) parts.push(<Fragment key={`t${index}`}>{text.slice(at, span.start)}</Fragment>);
    parts.push(
      <mark key={`m${index}`} className={`pd-mark pd-mark--${span.kind}`}>
        <span className="visually-hidden">{t('cases.pd.markStart', { kind: kindLabel(t, span.kind) })} </span>
        {text.slice(span.start, span.end)}
        <span className="visually-hidden">{t('cases.pd.markEnd')}</span>
      </mark>,
    );
    at = span.end;
  });
  if (at < text.length) parts.push(<Fragment key="tail">{text.slice(at)}</Fragment>);
  return <p className="pd-text">{parts}</p>;
}

export function kindLabel(t: ReturnType<typeof useT>['t'], kind: PersonalDataKind): string {
  return t(`cases.pd.kind.${kind}`);
}
