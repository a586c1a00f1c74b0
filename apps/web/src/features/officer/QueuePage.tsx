import { useState, type FormEvent } from 'react';
import {
  CaseStatusSchema,
  MeasureTypeSchema,
  QueueFlagSchema,
  QueuePhaseSchema,
  QueueSortSchema,
  QueueViewParamsSchema,
  caseStatusLabels,
  measureLabels,
  type QueueFlag,
  type QueueSort,
  type QueueViewParams,
} from '@lovisa/domain';
import { PageTitle, Status } from '../../components/Layout';
import { Link, navigate, useLocation } from '../../router';
import { useApi } from '../../useApi';
import { caseApi } from '../cases/caseApi';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { QueueTable, sortKeys, type Sorting } from './QueueTable';
import { SavedViews } from './SavedViews';

const PAGE_SIZE = 25;
const tabs: { scope: 'team' | 'mine' | 'unassigned'; key: MessageKey }[] = [
  { scope: 'team', key: 'loop.tab.team' },
  { scope: 'mine', key: 'loop.tab.mine' },
  { scope: 'unassigned', key: 'loop.tab.unassigned' },
];

type Changes = Record<string, string | null>;

const flagKeys: Record<QueueFlag, MessageKey> = {
  deviation: 'queue.flag.deviation',
  consentMissing: 'queue.flag.consentMissing',
  consentPresent: 'queue.flag.consentPresent',
  completionUnread: 'queue.flag.completionUnread',
  hearing: 'queue.flag.hearing',
};

/** The view the address shows (page left out), or null when it holds a value the queue does not know. */
function viewOf(search: URLSearchParams): QueueViewParams | null {
  const keys = Object.keys(QueueViewParamsSchema.shape);
  const parsed = QueueViewParamsSchema.safeParse(Object.fromEntries([...search].filter(([k]) => keys.includes(k))));
  return parsed.success ? parsed.data : null;
}

/**
 * The team's queue: tabs, filters, flag, order and page live in the URL, so a view can be bookmarked, saved,
 * reloaded, and the back button works.
 */
export default function QueuePage() {
  const { search } = useLocation();
  const { t } = useI18n();
  const query = new URLSearchParams(search);
  query.set('pageSize', String(PAGE_SIZE));
  const key = query.toString();
  const { data: loaded, error } = useApi(
    async () => ({ key, page: await caseApi.queue(new URLSearchParams(key)) }),
    [key],
    { officer: true },
  );
  const data = loaded?.page;
  // The previous view's rows stay on screen until the new ones arrive: marked busy, not passed off as the new order.
  const stale = loaded !== undefined && loaded.key !== key;
  const page = Number(search.get('page') ?? '1');
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const scope = search.get('scope') ?? 'team';
  const phase = QueuePhaseSchema.safeParse(search.get('phase') ?? undefined).data;
  const sort = QueueSortSchema.catch('daysLeft').parse(search.get('sort') ?? undefined);
  const dir = search.get('dir') === 'desc' ? 'desc' : 'asc';

  const hrefWith = (changes: Changes) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    return `/handlaggare${next.size ? `?${next}` : ''}`;
  };
  const go = (changes: Changes) => navigate(hrefWith(changes));
  const sorting: Sorting = {
    sort,
    dir,
    sortBy: (column: QueueSort) => {
      const nextDir = column === sort && dir === 'asc' ? 'desc' : 'asc';
      go({ sort: column === 'daysLeft' ? null : column, dir: nextDir === 'asc' ? null : nextDir });
    },
  };

  return (
    <div className="page page--wide">
      <PageTitle>{t('queue.title')}</PageTitle>
      <nav aria-label={t('loop.tabs')} className="tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.scope}>
              <Link
                href={hrefWith({ scope: tab.scope === 'team' ? null : tab.scope })}
                aria-current={scope === tab.scope ? 'page' : undefined}
              >
                {t(tab.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={t('queue.phases')} className="tabs tabs--phases">
        <ul>
          {[null, ...QueuePhaseSchema.options].map((p) => (
            <li key={p ?? 'all'}>
              <Link href={hrefWith({ phase: p })} aria-current={(phase ?? null) === p ? 'page' : undefined}>
                {t(p ? `queue.phase.${p}` : 'queue.phase.all')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SavedViews current={viewOf(search)} />
      <QueueFilters search={search} go={go} sort={sort} dir={dir} />
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && (
        <p aria-live="polite">
          {data.total === 0
            ? t('queue.empty')
            : t(data.total === 1 ? 'queue.count1' : 'queue.countN', { n: data.total, page, pages })}
        </p>
      )}
      {data && data.items.length > 0 && <QueueTable items={data.items} sorting={sorting} busy={stale} />}
      {data && pages > 1 && (
        <nav aria-label={t('queue.pages')} className="pager">
          <button type="button" className="button" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
            {t('queue.prev')}
          </button>
          <button
            type="button"
            className="button"
            disabled={page >= pages}
            onClick={() => go({ page: String(page + 1) })}
          >
            {t('queue.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

/** Search and filters; each choice goes straight to the URL, the search text when submitted. */
function QueueFilters({
  search,
  go,
  sort,
  dir,
}: {
  search: URLSearchParams;
  go(changes: Changes): void;
  sort: QueueSort;
  dir: 'asc' | 'desc';
}) {
  const { t, label } = useI18n();
  const [text, setText] = useState(search.get('q') ?? '');
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim() || null });
  };
  return (
    <form className="queue-filters" role="search" aria-label={t('queue.filters')} onSubmit={submitSearch}>
      <div className="field">
        <label htmlFor="q">{t('queue.search')}</label>
        <input id="q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="submit" className="button">
        {t('queue.searchButton')}
      </button>
      <div className="field">
        <label htmlFor="status">{t('queue.status')}</label>
        <select id="status" value={search.get('status') ?? ''} onChange={(e) => go({ status: e.target.value || null })}>
          <option value="">{t('queue.all')}</option>
          {CaseStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {label(caseStatusLabels[s])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="measure">{t('queue.measure')}</label>
        <select
          id="measure"
          value={search.get('measure') ?? ''}
          onChange={(e) => go({ measure: e.target.value || null })}
        >
          <option value="">{t('queue.all')}</option>
          {MeasureTypeSchema.options.map((m) => (
            <option key={m} value={m}>
              {label(measureLabels[m])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="flag">{t('queue.flag')}</label>
        <select
          id="flag"
          value={search.get('flag') ?? ''}
          // The older checkboxes' parameters give way to the one flag chosen here.
          onChange={(e) => go({ flag: e.target.value || null, deviation: null, consentMissing: null })}
        >
          <option value="">{t('queue.all')}</option>
          {QueueFlagSchema.options.map((f) => (
            <option key={f} value={f}>
              {t(flagKeys[f])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sort">{t('queue.sortBy')}</label>
        <select
          id="sort"
          value={sort}
          onChange={(e) => go({ sort: e.target.value === 'daysLeft' ? null : e.target.value })}
        >
          {QueueSortSchema.options.map((o) => (
            <option key={o} value={o}>
              {t(sortKeys[o])}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dir">{t('queue.dir')}</label>
        <select id="dir" value={dir} onChange={(e) => go({ dir: e.target.value === 'asc' ? null : e.target.value })}>
          <option value="asc">{t('queue.dir.asc')}</option>
          <option value="desc">{t('queue.dir.desc')}</option>
        </select>
      </div>
    </form>
  );
}
