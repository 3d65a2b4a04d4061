import type { ModerationDecisionView } from '@plaza/shared/contracts';
import { useT, type TranslationKey } from '@plaza/web/i18n';
import { Button, TextAreaField } from '@plaza/web/ui';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@plaza/web/api-client';
import { notificationsApi } from './notifications-api';

const MIN = 5;
const MAX = 2000;

// The API explains refusals in English; the page says them in the person's language by code.
const REFUSALS: Record<string, TranslationKey> = {
  'MODERATION.REVIEW_ALREADY_REQUESTED': 'inbox.review.already',
  'MODERATION.LIFTED': 'inbox.review.lifted',
  'MODERATION.NOT_FOUND': 'inbox.review.notFound',
};

function refusal(error: unknown, t: (key: TranslationKey) => string): string {
  if (!(error instanceof ApiError)) return t('inbox.review.failed');
  const known = error.problem?.code ? REFUSALS[error.problem.code] : undefined;
  if (known) return t(known);
  if (error.status === 401 || error.status === 403) return t('inbox.review.sessionExpired');
  if (error.status === 404) return t('inbox.review.notFound');
  if (error.status === 422) return t('inbox.review.tooShort');
  return error.problem?.detail ?? t('inbox.review.failed');
}

/** "Ask for a review": one message, sent once; a refusal is said beside the field, which keeps focus. */
export function ReviewRequestForm({
  decisionId,
  csrfToken,
  onRequested,
}: {
  decisionId: string;
  csrfToken: string;
  onRequested: (decision: ModerationDecisionView) => void;
}) {
  const { t } = useT();
  const id = `review-${decisionId}`;
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refuse = (text: string) => {
    setError(text);
    document.getElementById(`${id}-message`)?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (message.trim().length < MIN) return refuse(t('inbox.review.tooShort'));
    setBusy(true);
    setError(null);
    try {
      onRequested(await notificationsApi.requestReview(csrfToken, decisionId, message.trim()));
    } catch (failure) {
      refuse(refusal(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="inbox-review" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('inbox.review.heading')}</h3>
      <p>{t('inbox.review.explain')}</p>
      <form className="inbox-review__form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
        <TextAreaField
          id={`${id}-message`}
          label={t('inbox.review.message')}
          hint={t('inbox.review.messageHint')}
          error={error}
          value={message}
          maxLength={MAX}
          rows={3}
          onChange={(event) => setMessage(event.target.value)}
        />
        <Button type="submit" variant="primary" busy={busy}>
          {t('inbox.review.submit')}
        </Button>
      </form>
    </section>
  );
}
