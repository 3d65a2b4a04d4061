import {
  FLAG_REASONS,
  type FlagReason,
  type FlagTargetType,
  type SessionView,
} from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import './proposal-bits.css';
import { Button, SelectField, TextAreaField } from '@plaza/web/ui';
import { useId, useState, type FormEvent } from 'react';
import { apiErrorStatus } from '@plaza/map/util';
import { useMapUiApi } from './map-ui-api';

interface FlagFormProps {
  session: SessionView;
  targetType: FlagTargetType;
  targetId: string;
  /** The button's text: "Flag" beside a comment, "Flag the proposal" on the page. */
  label: string;
}

/** A disclosure: the button opens a small form with the reason (and details for "other"). */
export function FlagForm({ session, targetType, targetId, label }: FlagFormProps) {
  const { t } = useT();
  const { thread } = useMapUiApi();
  const id = useId().replace(/:/g, '');
  const [open, setOpen] = useState(false);
  // No reason is chosen for the visitor: sending at once must not file a "spam" flag by default.
  const [reason, setReason] = useState<FlagReason | ''>('');
  const [details, setDetails] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<'sent' | 'already' | 'failed' | 'details' | 'reason' | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setOutcome('reason');
      document.getElementById(`${id}-reason`)?.focus();
      return;
    }
    if (reason === 'other' && !details.trim()) {
      setOutcome('details');
      return;
    }
    setBusy(true);
    try {
      await thread.flag(session, {
        targetType,
        targetId,
        reason,
        ...(details.trim() ? { details: details.trim() } : {}),
      });
      setOutcome('sent');
      setOpen(false);
    } catch (error) {
      setOutcome(apiErrorStatus(error) === 409 ? 'already' : 'failed');
    } finally {
      setBusy(false);
    }
  };

  if (outcome === 'sent' || outcome === 'already') {
    return <p role="status">{t(outcome === 'sent' ? 'flag.sent' : 'flag.already')}</p>;
  }
  return (
    <div className="flag">
      <Button
        variant="link"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen((v) => !v)}
      >
        {label}
      </Button>
      {open && (
        <form
          id={`${id}-form`}
          className="proposal-form"
          aria-label={t('flag.title')}
          onSubmit={onSubmit}
          noValidate
        >
          <SelectField
            id={`${id}-reason`}
            label={t('flag.reason')}
            value={reason}
            placeholder={t('flag.choose')}
            required
            error={outcome === 'reason' ? t('flag.reasonRequired') : undefined}
            onChange={(e) => {
              setReason(e.target.value as FlagReason | '');
              if (outcome === 'reason') setOutcome(null);
            }}
            options={FLAG_REASONS.map((r) => ({ value: r, label: t(`flagReason.${r}`) }))}
          />
          <TextAreaField
            id={`${id}-details`}
            label={t('flag.details')}
            hint={t('flag.detailsHint')}
            error={outcome === 'details' ? t('flag.detailsHint') : undefined}
            value={details}
            maxLength={1000}
            rows={2}
            onChange={(e) => setDetails(e.target.value)}
          />
          {outcome === 'failed' && <p role="alert">{t('proposal.actionFailed')}</p>}
          <div className="comment__actions">
            <Button type="submit" variant="primary" busy={busy}>
              {t('flag.send')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('comments.cancel')}</Button>
          </div>
        </form>
      )}
    </div>
  );
}
