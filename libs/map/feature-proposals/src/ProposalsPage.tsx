import type { ProposalSort, ProposalSummary, ProposalTheme } from '@plaza/shared/contracts';
import { PROPOSAL_STATUSES } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, SelectField, TextField } from '@plaza/web/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearch } from 'wouter';
import { appHref, go, useFocusOnArrival, useLoad } from '@plaza/map/util';
import { PAGE_SIZE, proposalApi } from '@plaza/map/data-access';
import { apiQuery, listHref, parseListFilters, type ListFilters } from './list-url';
import { ProposalCard } from '@plaza/map/ui';
import './proposals.css';

type Position = { lat: number; lon: number };

/** The public list of proposals: search, sort and filters live in the URL; "show more" appends pages. */
export function ProposalsPage() {
  const { t } = useT();
  const search = useSearch();
  const filters = parseListFilters(search);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef);
  useEffect(() => {
    document.title = `${t('proposals.title')} · ${t('app.name')}`;
  }, [t]);

  const [themes] = useLoad<ProposalTheme[]>('themes', (signal) => proposalApi.themes(signal));
  const position = usePosition(filters.sort === 'nearest');
  const [items, setItems] = useState<ProposalSummary[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const queryKey = apiQuery(filters, 0, PAGE_SIZE, position.value);

  useEffect(() => {
    const controller = new AbortController();
    setBusy(true);
    setFailed(false);
    proposalApi.list(queryKey, controller.signal).then(
      (page) => {
        setItems(page.items);
        setTotal(page.total);
        setBusy(false);
      },
      () => {
        if (controller.signal.aborted) return;
        setFailed(true);
        setBusy(false);
      },
    );
    return () => controller.abort();
  }, [queryKey, attempt]);

  const showMore = () => {
    setBusy(true);
    proposalApi.list(apiQuery(filters, items.length, PAGE_SIZE, position.value)).then(
      (page) => {
        setItems((previous) => [...previous, ...page.items]);
        setTotal(page.total);
        setBusy(false);
      },
      () => {
        setFailed(true);
        setBusy(false);
      },
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: ListFilters = parseListFilters(
      '?' +
        new URLSearchParams(
          [...data.entries()].map(([k, v]) => [k, String(v)] as [string, string]),
        ).toString(),
    );
    go(listHref(next));
  };

  // The API's default order is the empty choice: relevance while searching, newest otherwise.
  const defaultSort: ProposalSort = filters.q ? 'relevance' : 'newest';
  const sorts: ProposalSort[] = [
    'newest',
    'supports',
    'comments',
    ...('geolocation' in navigator ? (['nearest'] as const) : []),
  ];
  const sortOptions = [
    { value: '', label: t(`proposals.sort.${defaultSort}`) },
    ...sorts.filter((s) => s !== defaultSort).map((s) => ({ value: s, label: t(`proposals.sort.${s}`) })),
  ];
  const themeOptions =
    themes.state === 'ready' ? themes.data.map((theme) => ({ value: theme.code, label: theme.name })) : [];
  const hasFilters = Boolean(filters.q || filters.sort || filters.status || filters.theme);

  return (
    <main id="main" tabIndex={-1} className="page-content proposals-page">
      <div className="proposals-page__head">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('proposals.title')}
        </h1>
        <Link href={appHref('/proposals/new')} className="cta-link cta-link--inline">
          {t('proposals.new')}
        </Link>
      </div>
      <p>{t('proposals.intro')}</p>

      {/* The key remounts the form when the URL changes (back/forward), so its fields show the URL's filters. */}
      <form
        key={search}
        className="proposal-filters"
        role="search"
        aria-label={t('proposals.filters.label')}
        onSubmit={onSubmit}
      >
        <TextField id="q" type="search" label={t('proposals.filters.q')} defaultValue={filters.q} />
        <SelectField
          id="sort"
          label={t('proposals.filters.sort')}
          defaultValue={filters.sort}
          options={sortOptions}
        />
        <SelectField
          id="status"
          label={t('proposals.filters.status')}
          defaultValue={filters.status}
          placeholder={t('proposals.filters.any')}
          options={PROPOSAL_STATUSES.filter((s) => s !== 'hidden').map((s) => ({
            value: s,
            label: t(`proposalStatus.${s}`),
          }))}
        />
        <SelectField
          id="theme"
          label={t('proposals.filters.theme')}
          defaultValue={filters.theme}
          placeholder={t('proposals.filters.any')}
          options={themeOptions}
        />
        <div className="proposal-filters__actions">
          <Button type="submit" variant="primary">
            {t('proposals.filters.apply')}
          </Button>
          {hasFilters && (
            <Link href={appHref('/proposals')} className="proposal-filters__clear">
              {t('proposals.filters.clear')}
            </Link>
          )}
        </div>
      </form>

      {filters.sort === 'nearest' && position.denied && (
        <p className="proposal-note">{t('proposals.nearestNeedsLocation')}</p>
      )}

      <p role="status" className="proposals-page__count">
        {failed
          ? t('proposals.loadError')
          : total === null
            ? t('page.loading')
            : t('proposals.count', { count: total })}
      </p>
      {failed && <Button onClick={() => setAttempt((n) => n + 1)}>{t('page.retry')}</Button>}

      {total === 0 && !busy && <p>{t('proposals.empty')}</p>}
      <ol className="proposal-list">
        {items.map((proposal) => (
          <li key={proposal.id}>
            <ProposalCard proposal={proposal} />
          </li>
        ))}
      </ol>
      {total !== null && items.length < total && (
        <Button onClick={showMore} busy={busy}>
          {t('proposals.showMore')}
        </Button>
      )}
    </main>
  );
}

/** The visitor's position, asked for only when they chose "nearest". */
function usePosition(wanted: boolean): { value: Position | null; denied: boolean } {
  const [value, setValue] = useState<Position | null>(null);
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    if (!wanted || value || !('geolocation' in navigator)) return;
    navigator.geolocation.getCurrentPosition(
      (p) => setValue({ lat: p.coords.latitude, lon: p.coords.longitude }),
      () => setDenied(true),
      { maximumAge: 600_000, timeout: 10_000 },
    );
  }, [wanted, value]);
  return { value: wanted ? value : null, denied };
}
