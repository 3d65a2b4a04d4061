import type { SupportResult } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button } from '@plaza/web/ui';
import { useState } from 'react';
import { postJson } from '@plaza/web/api-client';
import { hasSupported, rememberSupport, supportToken } from './support-token';

interface SupportButtonProps {
  reference: string;
  title: string;
  supports: number;
  onSupported?(result: SupportResult): void;
}

/** "I've seen it too": anonymous, counted once per browser, with the result announced politely. */
export function SupportButton({ reference, title, supports, onSupported }: SupportButtonProps) {
  const { t } = useT();
  const [count, setCount] = useState(supports);
  const [done, setDone] = useState(() => hasSupported(reference));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const support = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await postJson<SupportResult>(`/api/v1/reports/${encodeURIComponent(reference)}/supports`, {
        token: supportToken(),
      }, { anonymous: true });
      setCount(result.supports);
      setDone(true);
      rememberSupport(reference);
      setMessage(result.counted ? t('support.thanks') : t('support.already'));
      onSupported?.(result);
    } catch {
      setMessage(t('support.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="support">
      <p className="support__count">{count === 0 ? t('support.none') : t('support.count', { count })}</p>
      {/* Never `disabled` (which would drop focus to <body>): aria-disabled keeps it focusable while busy and once used. */}
      <Button
        variant={done ? 'secondary' : 'primary'}
        aria-busy={busy || undefined}
        aria-disabled={done || busy || undefined}
        onClick={done || busy ? undefined : support}
        aria-label={t(done ? 'support.doneLabel' : 'support.buttonLabel', { ref: reference, title })}
      >
        {done ? t('support.done') : t('support.button')}
      </Button>
      <p role="status" className="support__message">
        {message}
      </p>
    </div>
  );
}
