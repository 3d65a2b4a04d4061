import {
  CASE_AGES,
  CASE_SORTS,
  REPORT_STATUSES,
  type BulkMoveResult,
  type CaseInboxQuery,
  type CaseQueue,
  type CaseStreamEvent,
  type CaseSummary,
  type SessionUser,
} from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, DataTable, Dialog, SelectField, StatusMessage, TextField, type Column } from '@plaza/web/ui';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { useLocation, useSearch } from 'wouter';
import { casesApi, useLoad } from '@plaza/console/data-access';
import {
  ConsoleLink,
  LoadStatus,
  markNavigation,
  Page,
  pathWithLang,
  useConsoleNavigate,
} from '@plaza/console/ui';
import {
  activeFilterCount,
  canModerate,
  INBOX_SHORTCUTS,
  inboxSearch,
  kindsText,
  moveIndex,
  parseInboxQuery,
  queuesFor,
  requestErrorMessage,
  selectedCaseOf,
  shortcutFor,
} from '@plaza/console/util';
import { CaseView } from './CaseView';
import { SavedViews } from './SavedViews';
import { useMediaQuery } from './useMediaQuery';
import { DueLabel, PriorityLabel, StatusLabel } from './CaseBits';
import { ReasonForm } from './ReasonForm';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useCaseEvents } from './useCaseEvents';
import { useReference } from './useReference';
import './cases.css';

const caseLinkId = (ref: string) => `case-link-${ref}`;

/** Wide enough for the list and a case side by side; narrower, a case opens on its own page. */
export const SPLIT_VIEW_MEDIA = '(min-width: 85rem)';
const FILTERS_OPEN_KEY = 'plaza.console.inboxFiltersOpen';

export function InboxPage({ user }: { user: SessionUser }) {
  const { t, locale, formatDate } = useT();
  const search = useSearch();
  const [, setLocation] = useLocation();
  const openCase = useConsoleNavigate();
  const query = useMemo(() => parseInboxQuery(search), [search]);
  // The list depends on the query only: opening a case beside it (`?case=`) must not reload it.
  const listKey = inboxSearch(query);
  const [state, reload] = useLoad(() => casesApi.inbox({ ...query, limit: 100 }), [listKey]);
  const selectedCase = selectedCaseOf(search);
  const split = useMediaQuery(SPLIT_VIEW_MEDIA);
  const [filtersOpen, setFiltersOpen] = useState(() => readFlag(FILTERS_OPEN_KEY));
  const reference = useReference(locale);
  const moderator = canModerate(user);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(-1);
  const [live, setLive] = useState<string | null>(null);
  // Said to screen readers only: a visible box would push the list down each time a case opens.
  const [opened, setOpened] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'hide' | 'help' | null>(null);
  const [bulkDepartment, setBulkDepartment] = useState('');
  const [busy, setBusy] = useState(false);
  // Further pages ("Show more") are appended to the first; a new query or a live refresh starts over.
  const [more, setMore] = useState<{ items: CaseSummary[]; cursor: string | null }>({ items: [], cursor: null });
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => setMore({ items: [], cursor: state.data?.nextCursor ?? null }), [state.data]);
  const rows = useMemo(() => [...(state.data?.items ?? []), ...more.items], [state.data, more.items]);
  const queues = queuesFor(user);
  // A queue this role does not work (an old link) reads as the whole list.
  const currentQueue: CaseQueue = query.queue && queues.includes(query.queue) ? query.queue : 'all';

  // A new list (other queue, filters) starts without a selection; live refreshes keep it.
  useEffect(() => {
    setSelected(new Set());
    setActive(-1);
  }, [listKey]);

  const setQuery = (next: CaseInboxQuery) => {
    markNavigation();
    setLocation(`/inbox${inboxSearch(next, locale)}`);
  };

  /** Split view: the case opens beside the list and the URL says which; on a phone, its own page. */
  const openRow = (ref: string) => {
    if (!split) {
      openCase(`/cases/${encodeURIComponent(ref)}`);
      return;
    }
    const params = new URLSearchParams(inboxSearch(query, locale));
    params.set('case', ref);
    setLocation(`/inbox?${params.toString()}`);
    setOpened(t('cases.split.opened', { ref }));
  };
  const closeCase = () => setLocation(`/inbox${inboxSearch(query, locale)}`);
  const onCaseLinkClick = (ref: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window (modifier keys, middle button) still gets the case's own page.
    if (!split || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    openRow(ref);
  };
  const toggleFilters = () =>
    setFiltersOpen((open) => {
      writeFlag(FILTERS_OPEN_KEY, !open);
      return !open;
    });

  // The stream may replay changes the list already shows (on connecting, or reconnecting): only
  // cases the list does not have yet are announced as new.
  const shown = useRef<ReadonlySet<string>>(new Set());
  shown.current = new Set(rows.map((r) => r.ref));
  useCaseEvents(
    useCallback(
      (events: CaseStreamEvent[]) => {
        const created = [...new Set(events.filter((e) => e.kind === 'created' && !shown.current.has(e.ref)).map((e) => e.ref))];
        const changed = new Set(events.filter((e) => e.kind === 'changed').map((e) => e.ref));
        if (created.length === 0 && changed.size === 0) return;
        reload();
        const [first] = created;
        if (created.length === 1 && first) setLive(t('cases.live.created', { ref: first }));
        else if (created.length > 1) setLive(t('cases.live.createdMany', { count: created.length }));
        else setLive(t('cases.live.changed', { count: changed.size }));
      },
      [reload, t],
    ),
  );

  const toggle = (ref: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(ref)) next.delete(ref);
      else next.add(ref);
      return next;
    });

  /** Bulk moves act on the selection, or on the highlighted row when nothing is selected. */
  const targets = (): string[] => {
    if (selected.size > 0) return [...selected];
    const row = rows[active];
    return row ? [row.ref] : [];
  };

  const runBulk = async (move: () => Promise<BulkMoveResult>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await move();
      const failed = result.results.filter((r) => !r.ok);
      setOutcome(
        failed.length === 0
          ? t('cases.bulk.done', { count: result.results.length })
          : t('cases.bulk.partial', {
              count: result.results.length - failed.length,
              failed: failed.map((f) => `${f.ref}${f.detail ? ` (${f.detail})` : ''}`).join(', '),
            }),
      );
      setSelected(new Set());
      reload();
    } catch (error) {
      setOutcome(requestErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  const bulkPublish = () => {
    const refs = targets();
    if (refs.length > 0) void runBulk(() => casesApi.bulk({ move: 'publish', refs }));
  };
  const bulkAssign = () => {
    const refs = targets();
    if (refs.length > 0 && bulkDepartment) void runBulk(() => casesApi.bulk({ move: 'assign', departmentId: bulkDepartment, refs }));
  };

  // Single-key shortcuts (documented in the "?" dialog and docs/console.md).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialog) return;
      const key = shortcutFor(event, event.target as HTMLElement | null, INBOX_SHORTCUTS);
      if (!key) return;
      const focusRow = (index: number) => {
        setActive(index);
        const row = rows[index];
        if (row) document.getElementById(caseLinkId(row.ref))?.focus();
      };
      switch (key) {
        case 'j':
        case 'k':
          focusRow(moveIndex(active, key === 'j' ? 1 : -1, rows.length));
          break;
        case 'Enter': {
          const row = rows[active];
          if (!row) return;
          openRow(row.ref);
          break;
        }
        case 'x': {
          const row = rows[active];
          if (!row || !moderator) return;
          toggle(row.ref);
          break;
        }
        case 'a':
          if (!moderator) return;
          if (selected.size === 0 && rows[active]) toggle(rows[active].ref);
          document.getElementById('bulk-department')?.focus();
          break;
        case 'p':
          if (!moderator) return;
          bulkPublish();
          break;
        case 'h':
          if (!moderator || targets().length === 0) return;
          setDialog('hide');
          break;
        case '?':
          setDialog('help');
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.ref));
  const columns: Column<CaseSummary>[] = [
    ...(moderator
      ? [
          {
            id: 'select',
            header: (
              <input
                type="checkbox"
                className="row-check"
                aria-label={t('cases.inbox.selectAll')}
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.ref)))}
              />
            ),
            cell: (c: CaseSummary) => (
              <input
                type="checkbox"
                className="row-check"
                aria-label={t('cases.inbox.select', { ref: c.ref })}
                checked={selected.has(c.ref)}
                onChange={() => toggle(c.ref)}
              />
            ),
          },
        ]
      : []),
    {
      id: 'ref',
      header: t('cases.field.ref'),
      rowHeader: true,
      cell: (c) => (
        <ConsoleLink
          id={caseLinkId(c.ref)}
          href={`/cases/${encodeURIComponent(c.ref)}`}
          aria-current={c.ref === selectedCase && split ? 'true' : undefined}
          onFocus={() => setActive(rows.findIndex((r) => r.ref === c.ref))}
          onClick={onCaseLinkClick(c.ref)}
        >
          {c.ref}
        </ConsoleLink>
      ),
    },
    {
      id: 'title',
      header: t('cases.field.title'),
      cell: (c) => (
        <>
          <span className="inbox-title" title={c.title}>
            {c.title}
          </span>
          {c.referredBack && <span className="tag">{t('cases.tag.referred')}</span>}
          {c.pendingDrafts > 0 && <span className="tag">{t('cases.tag.drafts', { count: c.pendingDrafts })}</span>}
        </>
      ),
    },
    { id: 'category', header: t('cases.field.category'), cell: (c) => c.category.name },
    { id: 'area', header: t('cases.field.area'), cell: (c) => c.area?.name ?? t('cases.noArea') },
    { id: 'department', header: t('cases.field.department'), cell: (c) => c.department?.name ?? t('cases.noDepartment') },
    {
      id: 'status',
      header: t('cases.field.status'),
      cell: (c) => (
        <>
          <StatusLabel status={c.status} />
          {c.moderation === 'awaiting' && <span className="tag">{t('cases.moderation.awaiting')}</span>}
          {c.held && <span className="tag tag--held">{t('cases.held.tag', { kinds: kindsText(t, c.held.kinds) })}</span>}
        </>
      ),
    },
    { id: 'priority', header: t('cases.field.priority'), cell: (c) => <PriorityLabel priority={c.priority} /> },
    { id: 'due', header: t('cases.field.due'), cell: (c) => <DueLabel due={c.due} /> },
    { id: 'created', header: t('cases.field.created'), cell: (c) => formatDate(c.createdAt, { dateStyle: 'short', timeStyle: 'short' }) },
  ];
  const showPane = split && selectedCase !== null;

  const counts = state.data?.counts;
  const total = state.data?.total ?? rows.length;
  return (
    <Page title={t('cases.inbox.title')}>
      <StatusMessage>{live}</StatusMessage>
      <div className="visually-hidden" role="status">
        {opened}
      </div>
      <div className="inbox-head">
        <nav aria-label={t('cases.queues.label')} className="queue-nav">
          <ul>
            {queues.map((queue) => (
              <li key={queue}>
                <a
                  href={pathWithLang(`/console/inbox${inboxSearch({ ...query, queue })}`, locale)}
                  aria-current={queue === currentQueue ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    setQuery({ ...query, queue });
                  }}
                >
                  {t(`cases.queue.${queue}`)} <span className="count">{counts ? counts[queue] : '…'}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className={`inbox-grid${showPane ? ' inbox-grid--split' : ''}${filtersOpen ? ' inbox-grid--filters' : ''}`}>
        <InboxFilters
          key={listKey}
          query={query}
          reference={reference}
          onApply={setQuery}
          open={filtersOpen}
          onToggle={toggleFilters}
          saved={<SavedViews userId={user.id} current={listKey} onApply={(view) => setLocation(`/inbox${withLang(view, locale)}`)} />}
          tools={
            <p className="inbox-tools">
              <Button variant="link" onClick={() => setDialog('help')}>
                {t('cases.shortcuts.show')}
              </Button>
              {moderator && <ConsoleLink href="/cases/new">{t('cases.file.link')}</ConsoleLink>}
            </p>
          }
        />
        <div className="inbox-list">
          {moderator && (
            <section className="bulk-bar" aria-labelledby="bulk-heading">
              <h2 id="bulk-heading" className="bulk-bar__title">
                {t('cases.bulk.heading', { count: selected.size })}
              </h2>
              <div className="bulk-bar__moves">
                <SelectField
                  id="bulk-department"
                  label={t('cases.bulk.assignTo')}
                  placeholder={t('cases.choose')}
                  options={reference.departments.map((d) => ({ value: d.id, label: d.name }))}
                  value={bulkDepartment}
                  onChange={(event) => setBulkDepartment(event.target.value)}
                />
                <Button onClick={bulkAssign} busy={busy} disabled={selected.size === 0 || !bulkDepartment}>
                  {t('cases.bulk.assign')}
                </Button>
                <Button onClick={bulkPublish} busy={busy} disabled={selected.size === 0}>
                  {t('cases.bulk.publish')}
                </Button>
                <Button variant="danger" onClick={() => setDialog('hide')} disabled={selected.size === 0}>
                  {t('cases.bulk.hide')}
                </Button>
              </div>
              <StatusMessage>{outcome}</StatusMessage>
            </section>
          )}
          <LoadStatus state={state} onRetry={reload} />
          <DataTable
            className="inbox-table"
            caption={
              rows.length < total
                ? t('cases.inbox.captionPartial', { shown: rows.length, count: total })
                : t('cases.inbox.caption', { count: total })
            }
            columns={columns}
            rows={rows}
            rowKey={(c) => c.ref}
            empty={activeFilterCount(query) > 0 ? t('cases.inbox.emptyFiltered') : t('cases.inbox.empty')}
          />
          {more.cursor && (
            <p>
              <Button
                busy={loadingMore}
                onClick={() => {
                  const cursor = more.cursor;
                  if (!cursor) return;
                  setLoadingMore(true);
                  casesApi
                    .inbox({ ...query, limit: 100, cursor })
                    .then(
                      (page) => setMore((previous) => ({ items: [...previous.items, ...page.items], cursor: page.nextCursor })),
                      (error: unknown) => setOutcome(requestErrorMessage(t, error)),
                    )
                    .finally(() => setLoadingMore(false));
                }}
              >
                {t('cases.inbox.more')}
              </Button>
            </p>
          )}
        </div>
        {showPane && selectedCase && (
          <div className="inbox-pane">
            <CaseView key={selectedCase} caseRef={selectedCase} embedded onClose={closeCase} />
          </div>
        )}
      </div>
      <Dialog open={dialog === 'hide'} title={t('cases.hide.title')} closeLabel={t('console.dialog.close')} onClose={() => setDialog(null)}>
        <ReasonForm
          label={t('cases.hide.reason')}
          submitLabel={t('cases.hide.submit', { count: targets().length })}
          onCancel={() => setDialog(null)}
          onSubmit={(reason) => {
            const refs = targets();
            setDialog(null);
            void runBulk(() => casesApi.bulk({ move: 'hide', reason, refs }));
          }}
        />
      </Dialog>
      <ShortcutsDialog open={dialog === 'help'} onClose={() => setDialog(null)} scope="inbox" />
    </Page>
  );
}

function withLang(search: string, locale: string): string {
  const params = new URLSearchParams(search);
  params.set('lang', locale);
  return `?${params.toString()}`;
}

function readFlag(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string, value: boolean): void {
  try {
    window.localStorage.setItem(key, value ? '1' : '0');
  } catch {
    // Private mode or storage full: the panel simply starts closed next time.
  }
}

/**
 * One query bar (search, apply, the filter panel's toggle with how many filters are on, clear) and
 * a collapsible side panel with the other filters and the person's saved views. Both belong to one
 * form (the panel's fields name it with `form=`), applied with a button, never on `change`.
 */
function InboxFilters({
  query,
  reference,
  onApply,
  open,
  onToggle,
  saved,
  tools,
}: {
  query: CaseInboxQuery;
  reference: ReturnType<typeof useReference>;
  onApply(query: CaseInboxQuery): void;
  open: boolean;
  onToggle(): void;
  saved: ReactNode;
  /** The shortcuts list and "file on behalf", at the end of the bar. */
  tools: ReactNode;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState<CaseInboxQuery>(query);
  const set = (key: keyof CaseInboxQuery) => (event: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [key]: event.target.value || undefined }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, queue: query.queue });
  };
  const active = activeFilterCount(query) - (query.q ? 1 : 0) + (query.sort && query.sort !== 'newest' ? 1 : 0);
  const form = 'inbox-filters';
  return (
    <>
      <form id={form} role="search" aria-label={t('cases.filters.label')} className="inbox-querybar" onSubmit={submit} noValidate>
        <TextField id="inbox-q" type="search" label={t('cases.filters.search')} value={draft.q ?? ''} onChange={set('q')} />
        <div className="inbox-querybar__actions">
          <Button type="submit" variant="primary">
            {t('cases.filters.apply')}
          </Button>
          <Button aria-expanded={open} aria-controls="inbox-filter-panel" onClick={onToggle}>
            {t('cases.filters.toggle', { count: active })}
          </Button>
          <Button onClick={() => onApply({ queue: query.queue })}>{t('cases.filters.clear')}</Button>
        </div>
        {tools}
      </form>
      <aside id="inbox-filter-panel" className="inbox-filter-panel" aria-label={t('cases.filters.panel')} hidden={!open}>
        <SelectField
          id="inbox-category"
          form={form}
          label={t('cases.field.category')}
          placeholder={t('cases.filters.any')}
          options={reference.categories.map((c) => ({ value: c.code, label: c.name }))}
          value={draft.category ?? ''}
          onChange={set('category')}
        />
        <SelectField
          id="inbox-area"
          form={form}
          label={t('cases.field.area')}
          placeholder={t('cases.filters.any')}
          options={reference.areas.map((a) => ({ value: a.code, label: a.name }))}
          value={draft.area ?? ''}
          onChange={set('area')}
        />
        <SelectField
          id="inbox-department"
          form={form}
          label={t('cases.field.department')}
          placeholder={t('cases.filters.any')}
          options={reference.departments.map((d) => ({ value: d.id, label: d.name }))}
          value={draft.department ?? ''}
          onChange={set('department')}
        />
        <SelectField
          id="inbox-status"
          form={form}
          label={t('cases.field.status')}
          placeholder={t('cases.filters.any')}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={draft.status ?? ''}
          onChange={set('status')}
        />
        <SelectField
          id="inbox-age"
          form={form}
          label={t('cases.filters.age')}
          placeholder={t('cases.filters.any')}
          options={CASE_AGES.map((a) => ({ value: a, label: t(`cases.age.${a}`) }))}
          value={draft.age ?? ''}
          onChange={set('age')}
        />
        <SelectField
          id="inbox-sort"
          form={form}
          label={t('cases.filters.sort')}
          options={CASE_SORTS.map((s) => ({ value: s, label: t(`cases.sort.${s}`) }))}
          value={draft.sort ?? 'newest'}
          onChange={set('sort')}
        />
        <Button type="submit" form={form} variant="primary">
          {t('cases.filters.apply')}
        </Button>
        {saved}
      </aside>
    </>
  );
}
