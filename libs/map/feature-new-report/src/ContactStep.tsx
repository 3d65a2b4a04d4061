import { REPORT_LIMITS, type MapSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { CheckboxField, TextField } from '@plaza/web/ui';
import type { ReportDraft } from './draft';

interface ContactStepProps {
  draft: ReportDraft;
  errors: Record<string, string>;
  notice: MapSettings['privacyNotice'] | null;
  onChange(patch: Partial<ReportDraft>): void;
}

export function ContactStep({ draft, errors, notice, onChange }: ContactStepProps) {
  const { t } = useT();
  return (
    <>
      <p className="ui-field__hint">{t('contact.intro')}</p>
      <TextField
        id="nr-name"
        label={t('contact.name')}
        error={errors['nr-name']}
        value={draft.name}
        maxLength={REPORT_LIMITS.nameMax}
        autoComplete="name"
        required
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <TextField
        id="nr-email"
        type="email"
        label={t('contact.email')}
        hint={t('contact.emailHint')}
        error={errors['nr-email']}
        value={draft.email}
        maxLength={REPORT_LIMITS.emailMax}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        required
        onChange={(event) => onChange({ email: event.target.value })}
      />
      <TextField
        id="nr-phone"
        type="tel"
        label={t('contact.phone')}
        hint={t('contact.phoneHint')}
        error={errors['nr-phone']}
        value={draft.phone}
        maxLength={REPORT_LIMITS.phoneMax}
        autoComplete="tel"
        onChange={(event) => onChange({ phone: event.target.value })}
      />
      <CheckboxField
        id="nr-show-name"
        label={t('contact.showName')}
        hint={t('contact.showNameHint')}
        error={errors['nr-show-name']}
        checked={draft.showName}
        onChange={(event) => onChange({ showName: event.target.checked })}
      />
      <section className="privacy-notice" aria-labelledby="privacy-heading">
        <h3 id="privacy-heading">{t('contact.privacyHeading')}</h3>
        {/* The city may not have the notice in every language: mark the one it is in. */}
        <div lang={notice?.locale}>
        {notice ? (
          notice.paragraphs.map((paragraph) => {
            // "Label: text" paragraphs get their label in bold, as layered GDPR notices show it.
            const match = /^([^:]{1,40}):\s*(.*)$/s.exec(paragraph);
            return (
              <p key={paragraph}>
                {match ? (
                  <>
                    <strong>{match[1]}:</strong> {match[2]}
                  </>
                ) : (
                  paragraph
                )}
              </p>
            );
          })
        ) : (
          <p>{t('page.loading')}</p>
        )}
        </div>
      </section>
      <CheckboxField
        id="nr-consent"
        label={t('contact.consent')}
        error={errors['nr-consent']}
        checked={draft.consent}
        required
        onChange={(event) => onChange({ consent: event.target.checked })}
      />
    </>
  );
}
