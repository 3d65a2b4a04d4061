import type { CaseDetail, CasePhoto, CaseStreamEvent, MapSettings } from '@plaza/shared/contracts';
import { detectPersonalData } from '@plaza/shared/moderation';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, Dialog, StatusMessage } from '@plaza/web/ui';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { casesApi, referenceApi, useLoad } from '@plaza/console/data-access';
import { ConsoleLink, LoadStatus, Page, PersonalDataText } from '@plaza/console/ui';
import { CASE_SHORTCUTS, shortcutFor } from '@plaza/console/util';
import { DueLabel, PriorityLabel, StatusLabel } from './CaseBits';
import { CaseComposer, type ComposerKind } from './CaseComposer';
import { CaseMap } from './CaseMap';
import { ModerationMoves, NearbyReports, PublicTextEditor } from './CaseModeration';
import { PendingDrafts, TimelineAndNotes } from './CaseWork';
import { ReasonForm } from './ReasonForm';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useCaseEvents } from './useCaseEvents';
import { useMove } from './useMove';
import { useOwnChanges } from './useOwnChanges';
import { useReference } from './useReference';
import './cases.css';

/**
 * One case, laid out for all-day work: what happened (description, photos, place) and the next
 * action (moderation moves, then the one composer) come first; contact, similar reports, the
 * timeline and notes follow. `embedded` is the inbox's split view: the case beside the list, with
 * an h2 title, and only the shortcuts the inbox does not use itself (r, n).
 */
export function CaseView({ caseRef, embedded = false, onClose }: { caseRef: string; embedded?: boolean; onClose?(): void }) {
  const { t, locale } = useT();
  const [state, reload] = useLoad(() => casesApi.detail(caseRef), [caseRef]);
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'hide' | 'help' | null>(null);
  const [tiles, setTiles] = useState<MapSettings['tiles'] | null>(null);
  const [kind, setKind] = useState<ComposerKind>('public');
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const reference = useReference(locale);
  const own = useOwnChanges();
  // The text editor opens by itself when the text seems to hold personal data, and stays open
  // (after a redaction is saved the person still reads the result) until they close it.
  const [textOpen, setTextOpen] = useState(false);
  const personalDataFound = detail
    ? detectPersonalData(detail.description).length + detectPersonalData(detail.title).length > 0
    : false;
  useEffect(() => {
    if (personalDataFound) setTextOpen(true);
  }, [personalDataFound]);

  useEffect(() => {
    if (state.status === 'ready') setDetail(state.data);
  }, [state]);

  useEffect(() => {
    referenceApi.mapSettings().then(
      (settings) => setTiles(settings.tiles),
      () => setTiles(null),
    );
  }, []);

  // A shortcut that switches the composer's kind focuses its field once it is on screen.
  useEffect(() => {
    if (!focusAfter) return;
    const ids = focusAfter === 'reply' ? ['reply-body', 'work-body'] : ['note-body'];
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element) {
        element.focus();
        break;
      }
    }
    setFocusAfter(null);
  }, [focusAfter, kind]);

  const onCase = useCallback(
    (next: CaseDetail | null, message: string) => {
      if (next) setDetail(next);
      else reload();
      setAnnouncement(message);
    },
    [reload],
  );
  const moderation = useMove(onCase, own);
  const textMoves = useMove(onCase, own);
  const publicMoves = useMove(onCase, own);
  const draftMoves = useMove(onCase, own);
  const noteMoves = useMove(onCase, own);
  const photoMoves = useMove(onCase, own);

  useCaseEvents(
    useCallback(
      (events: CaseStreamEvent[]) => {
        // Our own saves come back on the stream too: only other people's changes are announced.
        own.filter(
          events.filter((e) => e.ref === caseRef),
          () => {
            reload();
            setAnnouncement(t('cases.live.thisChanged'));
          },
        );
      },
      [caseRef, own, reload, t],
    ),
  );

  // Single-key shortcuts: never while typing (see shortcuts.ts), only for moves the page offers.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialog || !detail) return;
      const key = shortcutFor(event, event.target as HTMLElement | null, CASE_SHORTCUTS);
      // Beside the inbox, a, p, h and ? are the list's; the case pane keeps r and n.
      if (embedded && key !== 'r' && key !== 'n') return;
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
          setKind('public');
          setFocusAfter('reply');
          handled = true;
          break;
        case 'n':
          setKind(detail.permissions.seeCommunityManagerNotes ? 'community_managers' : 'departments');
          setFocusAfter('note');
          handled = true;
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

  const title = t('cases.case.title', { ref: detail?.ref ?? caseRef });
  const frame = (children: ReactNode) =>
    embedded ? (
      <section className="case-view case-view--embedded" aria-labelledby="case-pane-title">
        <div className="case-pane__bar">
          <h2 id="case-pane-title" tabIndex={-1} className="case-pane__title">
            {title}
          </h2>
          <ConsoleLink href={`/cases/${encodeURIComponent(caseRef)}`}>{t('cases.split.openFull')}</ConsoleLink>
          {onClose && (
            <Button variant="link" onClick={onClose}>
              {t('cases.split.close')}
            </Button>
          )}
        </div>
        {children}
      </section>
    ) : (
      <Page title={title} documentTitle={detail ? `${detail.ref} · ${t('console.pageTitle')}` : undefined}>
        <div className="case-view">{children}</div>
      </Page>
    );

  if (!detail) {
    return frame(
      <>
        <LoadStatus state={state} onRetry={reload} />
        {!embedded && (
          <p>
            <ConsoleLink href="/inbox">{t('cases.case.backToInbox')}</ConsoleLink>
          </p>
        )}
      </>,
    );
  }

  const can = detail.permissions;
  const descriptionData = detectPersonalData(detail.description);
  return frame(
    <>
      <p className="case-subtitle">{detail.title}</p>
      {!embedded && (
        <p className="inbox-tools">
          <ConsoleLink href="/inbox">{t('cases.case.backToInbox')}</ConsoleLink>
          <Button variant="link" onClick={() => setDialog('help')}>
            {t('cases.shortcuts.show')}
          </Button>
        </p>
      )}
      <StatusMessage>{announcement}</StatusMessage>
      {state.status === 'error' && <LoadStatus state={state} onRetry={reload} />}
      {detail.referral && (
        <div className="referral" role="note">
          <strong>{t('cases.referral.heading')}</strong>{' '}
          {t('cases.referral.body', { name: detail.referral.by.name, department: detail.referral.department?.name ?? '—', reason: detail.referral.reason })}
        </div>
      )}
      <CaseFacts detail={detail} />

      {/* Above the fold: what was reported (left) with the next action right under it, and
          its photos and place (right); contact and similar reports follow on the right. */}
      <div className="case-columns">
        <div className="case-main">
          <section className="card case-what" aria-labelledby="text-heading">
            <h2 id="text-heading">{t('cases.text.readOnly')}</h2>
            <div className="case-description">
              <PersonalDataText text={detail.description} spans={descriptionData} />
            </div>
            {detail.open311 && <Open311Submission detail={detail} />}
          </section>
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
          <CaseComposer detail={detail} kind={kind} onKind={setKind} publicMoves={publicMoves} noteMoves={noteMoves} />
          {can.moderate && (
            <details className="card case-text-editor" open={textOpen} onToggle={(event) => setTextOpen(event.currentTarget.open)}>
              <summary>{t('cases.text.editSummary')}</summary>
              <PublicTextEditor key={`${detail.title}\u0000${detail.description}`} detail={detail} moves={textMoves} />
            </details>
          )}
        </div>
        <div className="case-side case-where">
          <Photos
            detail={detail}
            canHide={can.moderate}
            onToggle={(photo) =>
              void photoMoves.run(
                () => casesApi.photoVisibility(detail.ref, photo.id, !photo.hidden),
                photo.hidden ? t('cases.photos.shown') : t('cases.photos.hidden'),
              )
            }
            error={photoMoves.error}
          />
          <section className="card" aria-labelledby="where-heading">
            <h2 id="where-heading">{t('cases.where.heading')}</h2>
            <p>
              {detail.address ?? t('cases.noAddress')} · {detail.area?.name ?? t('cases.noArea')}
            </p>
            <CaseMap lat={detail.location.lat} lon={detail.location.lon} tiles={tiles} />
          </section>
          <Reporter detail={detail} />
          <NearbyReports detail={detail} moves={moderation} canMerge={can.moderate} />
        </div>
      </div>
      <TimelineAndNotes detail={detail} />

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
      {!embedded && <ShortcutsDialog open={dialog === 'help'} onClose={() => setDialog(null)} scope="case" />}
    </>,
  );
}

/** Status, moderation, category, department, priority, due, channel, filed, followers: one compact strip. */
function CaseFacts({ detail }: { detail: CaseDetail }) {
  const { t, formatDate } = useT();
  const facts: Array<[string, ReactNode]> = [
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
          {/* Some labels end in a colon of their own; the strip adds one to every label. */}
          <dt>{label.replace(/:\s*$/, '')}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What an Open311 client sent besides the report: staff only, the client's photo link never embedded. */
function Open311Submission({ detail }: { detail: CaseDetail }) {
  const { t } = useT();
  const o = detail.open311;
  if (!o) return null;
  return (
    <div className="open311-submission">
      <h3>{t('cases.open311.heading', { client: o.client })}</h3>
      <dl className="reporter">
        {o.mediaUrl && (
          <div>
            <dt>{t('cases.open311.mediaUrl')}</dt>
            <dd>
              <a href={o.mediaUrl} target="_blank" rel="noreferrer noopener">
                {o.mediaUrl}
              </a>
            </dd>
          </div>
        )}
        {o.deviceId && (
          <div>
            <dt>{t('cases.open311.deviceId')}</dt>
            <dd>{o.deviceId}</dd>
          </div>
        )}
        {o.accountId && (
          <div>
            <dt>{t('cases.open311.accountId')}</dt>
            <dd>{o.accountId}</dd>
          </div>
        )}
        {o.attributes.map((a) => (
          <div key={a.code}>
            <dt>
              {t('cases.open311.attribute')} <code>{a.code}</code>
            </dt>
            <dd>{a.value}</dd>
          </div>
        ))}
      </dl>
    </div>
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
              {/* A photo not processed yet (or given up on) has no image to show. */}
              {photo.state === 'ready' && (
                <a href={photo.url} target="_blank" rel="noreferrer">
                  <img src={photo.thumbnailUrl} alt={t('cases.photos.alt', { n: index + 1 })} loading="lazy" />
                </a>
              )}
              <p>{photoStatus(photo, t)}</p>
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

/** Hidden or public, and before that: still being processed, or given up on with the reason. */
function photoStatus(photo: CasePhoto, t: ReturnType<typeof useT>['t']): string {
  if (photo.state === 'pending') return t('cases.photos.isPending');
  if (photo.state === 'failed') return t('cases.photos.isFailed', { reason: photo.failureReason ?? '' });
  return photo.hidden ? t('cases.photos.isHidden') : t('cases.photos.isPublic');
}
