import { REPORT_LIMITS } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { TextAreaField, TextField } from '@plaza/web/ui';
import type { ReportDraft } from './draft';
import { PhotoPicker } from '@plaza/map/ui';

interface DetailsStepProps {
  draft: ReportDraft;
  errors: Record<string, string>;
  onChange(patch: Partial<ReportDraft>): void;
}

export function DetailsStep({ draft, errors, onChange }: DetailsStepProps) {
  const { t } = useT();
  return (
    <>
      <TextField
        id="nr-title"
        label={t('details.title')}
        hint={t('details.titleHint', { max: REPORT_LIMITS.titleMax })}
        error={errors['nr-title']}
        value={draft.title}
        maxLength={REPORT_LIMITS.titleMax}
        required
        onChange={(event) => onChange({ title: event.target.value })}
      />
      <TextAreaField
        id="nr-description"
        label={t('details.description')}
        hint={t('details.descriptionHint')}
        error={errors['nr-description']}
        value={draft.description}
        maxLength={REPORT_LIMITS.descriptionMax}
        rows={5}
        required
        onChange={(event) => onChange({ description: event.target.value })}
      />
      <CharacterCount id="nr-description-count" length={draft.description.length} max={REPORT_LIMITS.descriptionMax} />
      <TextField
        id="nr-address"
        label={t('details.address')}
        hint={t('details.addressHint')}
        error={errors['nr-address']}
        value={draft.address}
        maxLength={REPORT_LIMITS.addressMax}
        autoComplete="off"
        onChange={(event) => onChange({ address: event.target.value })}
      />
      <PhotoPicker id="nr-photos" photos={draft.photos} error={errors['nr-photos'] ?? null} onChange={(photos) => onChange({ photos })} />
    </>
  );
}

// Near the limit the count is announced (politely); before that it is only shown, so typing is
// not interrupted at every key. The browser stops input at `max`: the visitor sees why.
const ANNOUNCE_FROM = 200;

function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const { t, formatNumber } = useT();
  const left = max - length;
  return (
    <p id={id} className="ui-field__hint character-count" aria-live={left <= ANNOUNCE_FROM ? 'polite' : 'off'}>
      {left <= 0
        ? t('details.countFull', { max: formatNumber(max) })
        : t('details.count', { used: formatNumber(length), max: formatNumber(max) })}
    </p>
  );
}
