import type { CaseDetail, CasePhoto, CaseStreamEvent, MapSettings } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, Dialog, StatusMessage } from '@plaza/web/ui';
import { useCallback, useEffect, useState } from 'react';
import { casesApi, referenceApi, useLoad } from '@plaza/console/data-access';
import { ConsoleLink, LoadStatus, Page } from '@plaza/console/ui';
import { CASE_SHORTCUTS, shortcutFor } from '@plaza/console/util';
import { DueLabel, PriorityLabel, StatusLabel } from './CaseBits';
import { CaseMap } from './CaseMap';
import { ModerationMoves, NearbyReports, PublicTextEditor } from './CaseModeration';
import { DepartmentWork, PendingDrafts, PublicReply, TimelineAndNotes } from './CaseWork';
import { ReasonForm } from './ReasonForm';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useCaseEvents } from './useCaseEvents';
import { useMove } from './useMove';
import { useReference } from './useReference';
import './cases.css';

export function CasePage({ caseRef }: { caseRef: string }) {
  const { t, locale } = useT();
  const [state, reload] = useLoad(() => casesApi.detail(caseRef), [caseRef]);
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'hide' | 'help' | null>(null);
  const [tiles, setTiles] = useState<MapSettings['tiles'] | null>(null);
  const reference = useReference(locale);

  useEffect(() => {
    if (state.status === 'ready') setDetail(state.data);
  }, [state]);

  useEffect(() => {
    referenceApi.mapSettings().then(
      (settings) => setTiles(settings.tiles),
      () => setTiles(null),
    );
  }, []);

  const onCase = useCallback(
    (next: CaseDetail | null, message: string) => {
      if (next) setDetail(next);
      else reload();
      setAnnouncement(message);
    },
    [reload],
  );
  const moderation = useMove(onCase);
  const textMoves = useMove(onCase);
  const replyMoves = useMove(onCase);
  const workMoves = useMove(onCase);
  const draftMoves = useMove(onCase);
  const noteMoves = useMove(onCase);
  const photoMoves = useMove(onCase);

  useCaseEvents(
    useCallback(
      (events: CaseStreamEvent[]) => {
        if (events.some((e) => e.ref === caseRef)) {
          reload();
          setAnnouncement(t('cases.live.thisChanged'));
        }
      },
      [caseRef, reload, t],
    ),
  );

  // Single-key shortcuts: never while typing (see shortcuts.ts), only for moves the page offers.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialog || !detail) return;
      const key = shortcutFor(event, event.target as HTMLElement | null, CASE_SHORTCUTS);
      const focus = (id: string) => {
        const element = document.getElementById(id);
        if (!element) return false;
        element.focus();
        return true;
      };
      let handled = false;
      switch (key) {
        case 'a':
          handled = focus('assign-department');
          break;
        case 'p': {
          const button = document.getElementById('publish-button');
          if (button instanceof HTMLButtonElement && !button.disabled) {
            button.focus();
            button.click();
            handled = true;
          }
          break;
        }
        case 'h':
          if (detail.permissions.moderate && detail.moderation !== 'hidden') {
            setDialog('hide');
            handled = true;
          }
          break;
        case 'r':
          handled = focus('reply-body') || focus('work-body');
          break;
        case 'n':
          handled = focus('note-body');
          break;
        case '?':
          setDialog('help');
          handled = true;
          break;
        default:
          break;
      }
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (!detail) {
    return (
      <Page title={t('cases.case.title', { ref: caseRef })}>
        <LoadStatus state={state} onRetry={reload} />
        <p>
          <ConsoleLink href="/inbox">{t('cases.case.backToInbox')}</ConsoleLink>
        </p>
      </Page>
    );
  }

  const can = detail.permissions;
  return (
    <Page title={t('cases.case.title', { ref: detail.ref })} documentTitle={`${detail.ref} · ${t('console.pageTitle')}`}>
      <p className="case-subtitle">{detail.title}</p>
      <p className="inbox-tools">
        <ConsoleLink href="/inbox">{t('cases.case.backToInbox')}</ConsoleLink>
        <Button variant="link" onClick={() => setDialog('help')}>
          {t('cases.shortcuts.show')}
        </Button>
      </p>
      <StatusMessage>{announcement}</StatusMessage>
      {state.status === 'error' && <LoadStatus state={state} onRetry={reload} />}
      {detail.referral && (
        <div className="referral" role="note">
          <strong>{t('cases.referral.heading')}</strong>{' '}
          {t('cases.referral.body', { name: detail.referral.by.name, department: detail.referral.department?.name ?? '—', reason: detail.referral.reason })}
        </div>
      )}
      <CaseFacts detail={detail} />

      <div className="case-columns">
        <div className="case-main">
          <section className="card" aria-labelledby="where-heading">
            <h2 id="where-heading">{t('cases.where.heading')}</h2>
            <p>
              {detail.address ?? t('cases.noAddress')} · {detail.area?.name ?? t('cases.noArea')}
            </p>
            <CaseMap lat={detail.location.lat} lon={detail.location.lon} tiles={tiles} />
          </section>
          <Photos detail={detail} canHide={can.moderate} onToggle={(photo) =>
            void photoMoves.run(
              () => casesApi.photoVisibility(detail.ref, photo.id, !photo.hidden),
              photo.hidden ? t('cases.photos.shown') : t('cases.photos.hidden'),
            )
          } error={photoMoves.error} />
          {can.moderate && (
            <PublicTextEditor key={`${detail.title}\u0000${detail.description}`} detail={detail} moves={textMoves} />
          )}
          {!can.moderate && (
            <section className="card" aria-labelledby="text-heading">
              <h2 id="text-heading">{t('cases.text.readOnly')}</h2>
              <p className="case-description">{detail.description}</p>
            </section>
          )}
          {can.moderate && (
            <ModerationMoves
              key={`${detail.updatedAt}`}
              detail={detail}
              moves={moderation}
              categories={reference.categories}
              departments={reference.departments}
              onHide={() => setDialog('hide')}
            />
          )}
          <PendingDrafts detail={detail} moves={draftMoves} />
          {can.workAsDepartment && <DepartmentWork detail={detail} moves={workMoves} />}
          <PublicReply detail={detail} moves={replyMoves} />
        </div>
        <div className="case-side">
          <Reporter detail={detail} />
          <NearbyReports detail={detail} moves={moderation} canMerge={can.moderate} />
        </div>
      </div>
      <TimelineAndNotes detail={detail} moves={noteMoves} />

      <Dialog open={dialog === 'hide'} title={t('cases.hide.titleOne', { ref: detail.ref })} closeLabel={t('console.dialog.close')} onClose={() => setDialog(null)}>
        <ReasonForm
          label={t('cases.hide.reason')}
          submitLabel={t('cases.moderation.hide')}
          onCancel={() => setDialog(null)}
          onSubmit={(reason) => {
            setDialog(null);
            void moderation.run(() => casesApi.hide(detail.ref, reason), t('cases.moderation.hidden'));
          }}
        />
      </Dialog>
      <ShortcutsDialog open={dialog === 'help'} onClose={() => setDialog(null)} scope="case" />
    </Page>
  );
}

function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { t, formatDate } = useT();
  const facts: Array<[string, React.ReactNode]> = [
    [t('cases.field.status'), <StatusLabel key="s" status={detail.status} />],
    [t('cases.moderation.state'), t(`cases.moderation.${detail.moderation}`)],
    [t('cases.field.category'), detail.category.name],
    [t('cases.field.department'), detail.department?.name ?? t('cases.noDepartment')],
    [t('cases.field.priority'), <PriorityLabel key="p" priority={detail.priority} />],
    [t('cases.field.due'), <DueLabel key="d" due={detail.due} />],
    [t('cases.field.source'), t(`cases.source.${detail.source}`)],
    [t('cases.field.created'), formatDate(detail.createdAt, { dateStyle: 'medium', timeStyle: 'short' })],
    [t('cases.field.followers'), String(detail.followers)],
  ];
  return (
    <dl className="case-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Staff only: who reported it and how to reach them. Never shown on public pages. */
function Reporter({ detail }: { detail: CaseDetail }) {
  const { t } = useT();
  const r = detail.reporter;
  return (
    <section className="card" aria-labelledby="reporter-heading">
      <h2 id="reporter-heading">{t('cases.reporter.heading')}</h2>
      <p className="hint">{t('cases.reporter.private')}</p>
      <dl className="reporter">
        <div>
          <dt>{t('cases.reporter.name')}</dt>
          <dd>{r.name}</dd>
        </div>
        <div>
          <dt>{t('cases.reporter.email')}</dt>
          <dd>{r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : '—'}</dd>
        </div>
        <div>
          <dt>{t('cases.reporter.phone')}</dt>
          <dd>{r.phone ? <a href={`tel:${r.phone.replace(/\s/g, '')}`}>{r.phone}</a> : '—'}</dd>
        </div>
        <div>
          <dt>{t('cases.reporter.showName')}</dt>
          <dd>{r.showName ? t('console.yes') : t('console.no')}</dd>
        </div>
        {detail.channelDetails && (
          <div>
            <dt>{t('cases.reporter.channelDetails')}</dt>
            <dd>{detail.channelDetails}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

function Photos({
  detail,
  canHide,
  onToggle,
  error,
}: {
  detail: CaseDetail;
  canHide: boolean;
  onToggle(photo: CasePhoto): void;
  error: string | null;
}) {
  const { t } = useT();
  return (
    <section className="card" aria-labelledby="photos-heading">
      <h2 id="photos-heading">{t('cases.photos.heading', { count: detail.photos.length })}</h2>
      <AlertMessage>{error}</AlertMessage>
      {detail.photos.length === 0 ? (
        <p>{t('cases.photos.none')}</p>
      ) : (
        <ul className="photo-grid">
          {detail.photos.map((photo, index) => (
            <li key={photo.id} className={photo.hidden ? 'photo photo--hidden' : 'photo'}>
              <a href={photo.url} target="_blank" rel="noreferrer">
                <img src={photo.thumbnailUrl} alt={t('cases.photos.alt', { n: index + 1 })} loading="lazy" />
              </a>
              <p>{photo.hidden ? t('cases.photos.isHidden') : t('cases.photos.isPublic')}</p>
              {canHide && (
                <Button variant="link" onClick={() => onToggle(photo)}>
                  {photo.hidden ? t('cases.photos.show', { n: index + 1 }) : t('cases.photos.hide', { n: index + 1 })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
