import type { AuditEntry, AuditVerification } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, DataTable, StatusMessage, type Column } from '@plaza/web/ui';
import { useCallback, useEffect, useState } from 'react';
import { adminApi } from '@plaza/console/data-access';
import { Page } from '@plaza/console/ui';
import { auditChanges, requestErrorMessage } from '@plaza/console/util';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t, formatDate } = useT();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [loadedMessage, setLoadedMessage] = useState<string | null>(null);

  const load = useCallback(
    async (before: number | null) => {
      setLoading(true);
      setFailure(null);
      try {
        const page = await adminApi.audit({ before, limit: PAGE_SIZE });
        setEntries((current) => (before === null ? page.entries : [...current, ...page.entries]));
        setNextBefore(page.nextBefore);
        setLoadedMessage(before === null ? null : t('admin.audit.loadedMore', { count: page.entries.length }));
      } catch (error) {
        setFailure(requestErrorMessage(t, error));
      } finally {
        setLoading(false);
      }
    },
    [t],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  const columns: Column<AuditEntry>[] = [
    { id: 'seq', header: t('admin.audit.seq'), rowHeader: true, cell: (e) => e.seq },
    {
      id: 'at',
      header: t('admin.audit.at'),
      cell: (e) => <time dateTime={e.at}>{formatDate(e.at, { dateStyle: 'short', timeStyle: 'medium' })}</time>,
    },
    { id: 'actor', header: t('admin.audit.actor'), cell: (e) => e.actorEmail ?? t('admin.audit.system') },
    { id: 'action', header: t('admin.audit.action'), cell: (e) => <code>{e.action}</code> },
    {
      id: 'entity',
      header: t('admin.audit.entity'),
      cell: (e) => (
        <>
          {e.entityType}
          {e.entityId && (
            <>
              {' '}
              <code className="wrap-anywhere">{e.entityId}</code>
            </>
          )}
        </>
      ),
    },
    { id: 'changes', header: t('admin.audit.changes'), cell: (e) => <Changes entry={e} /> },
    { id: 'hash', header: t('admin.audit.hash'), cell: (e) => <code title={e.hash}>{e.hash.slice(0, 12)}…</code> },
  ];

  return (
    <Page title={t('admin.audit.title')}>
      <p className="lead">{t('admin.audit.summary')}</p>
      <VerifyChain />
      <StatusMessage>{loading && entries.length === 0 ? t('console.loading') : loadedMessage}</StatusMessage>
      {failure && <AlertMessage>{failure}</AlertMessage>}
      <DataTable
        caption={t('admin.audit.caption', { count: entries.length })}
        columns={columns}
        rows={entries}
        rowKey={(e) => String(e.seq)}
        empty={loading ? t('console.loading') : t('admin.audit.empty')}
        className="audit-table"
      />
      {nextBefore !== null && (
        <Button onClick={() => void load(nextBefore)} busy={loading}>
          {t('admin.audit.loadMore')}
        </Button>
      )}
    </Page>
  );
}

function Changes({ entry }: { entry: AuditEntry }) {
  const { t } = useT();
  const changes = auditChanges(entry.before, entry.after);
  if (changes.length === 0) return <>{t('admin.audit.noChanges')}</>;
  return (
    <dl className="diff">
      {changes.map((change) => (
        <div key={change.path} className="diff__row">
          <dt>{change.path || t('admin.audit.value')}</dt>
          <dd>
            <span className="diff__before">
              <span className="visually-hidden">{t('admin.audit.before')} </span>
              {change.before ?? <em>{t('admin.audit.none')}</em>}
            </span>{' '}
            <span aria-hidden="true">→</span>{' '}
            <span className="diff__after">
              <span className="visually-hidden">{t('admin.audit.after')} </span>
              {change.after ?? <em>{t('admin.audit.none')}</em>}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function VerifyChain() {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="audit-verify-heading">
      <h2 id="audit-verify-heading">{t('admin.audit.verifyHeading')}</h2>
      <p>{t('admin.audit.verifyIntro')}</p>
      <Button
        variant="primary"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          setResult(null);
          setFailure(null);
          try {
            setResult(await adminApi.verifyAudit());
          } catch (error) {
            setFailure(requestErrorMessage(t, error));
          } finally {
            setBusy(false);
          }
        }}
      >
        {t('admin.audit.verify')}
      </Button>
      <StatusMessage className={result && !result.ok ? 'status--bad' : undefined}>
        {result
          ? result.ok
            ? t('admin.audit.verifyOk', { count: result.checked })
            : t('admin.audit.verifyBroken', { count: result.checked, seq: result.brokenAt ?? '?' })
          : null}
      </StatusMessage>
      {failure && <AlertMessage>{failure}</AlertMessage>}
    </section>
  );
}
