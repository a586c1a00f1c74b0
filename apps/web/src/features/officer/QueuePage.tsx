import { useState, type FormEvent } from 'react';
import { CaseStatusSchema, MeasureTypeSchema, caseStatusLabels, measureLabels, type QueueItem } from '@lovisa/domain';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link, navigate, useLocation } from '../../router';
import { useApi } from '../../useApi';
import { caseApi } from '../cases/caseApi';
import { caseStateText, percent, toneOfDays } from '../cases/caseText';
import { useI18n, type MessageKey } from '../../i18n/i18n';

const PAGE_SIZE = 25;
const tabs: { scope: 'team' | 'mine' | 'unassigned'; key: MessageKey }[] = [
  { scope: 'team', key: 'loop.tab.team' },
  { scope: 'mine', key: 'loop.tab.mine' },
  { scope: 'unassigned', key: 'loop.tab.unassigned' },
];

type Changes = Record<string, string | null>;

/** The team's queue: tabs, filters and search live in the URL, so a view can be bookmarked and the back button works. */
export default function QueuePage() {
  const { search } = useLocation();
  const { t } = useI18n();
  const query = new URLSearchParams(search);
  query.set('pageSize', String(PAGE_SIZE));
  const key = query.toString();
  const { data, error } = useApi(() => caseApi.queue(new URLSearchParams(key)), [key], { officer: true });
  const page = Number(search.get('page') ?? '1');
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const scope = search.get('scope') ?? 'team';

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
      <QueueFilters search={search} go={go} />
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && (
        <p aria-live="polite">
          {data.total === 0
            ? t('queue.empty')
            : t(data.total === 1 ? 'queue.count1' : 'queue.countN', { n: data.total, page, pages })}
        </p>
      )}
      {data && data.items.length > 0 && <QueueTable items={data.items} />}
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
function QueueFilters({ search, go }: { search: URLSearchParams; go(changes: Changes): void }) {
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
      <fieldset className="queue-filters__flags">
        <legend>{t('loop.flags')}</legend>
        <label className="radio">
          <input
            type="checkbox"
            checked={search.get('deviation') === 'true'}
            onChange={(e) => go({ deviation: e.target.checked ? 'true' : null })}
          />{' '}
          {t('loop.flag.deviation')}
        </label>
        <label className="radio">
          <input
            type="checkbox"
            checked={search.get('consentMissing') === 'true'}
            onChange={(e) => go({ consentMissing: e.target.checked ? 'true' : null })}
          />{' '}
          {t('loop.flag.consentMissing')}
        </label>
      </fieldset>
    </form>
  );
}

function QueueTable({ items }: { items: QueueItem[] }) {
  const { t, lang, label } = useI18n();
  return (
    <div className="table-wrap" role="region" aria-label={t('queue.caption')} tabIndex={0}>
      {/* Explicit roles keep the table a table for screen readers when a phone shows each row as a card. */}
      <table className="queue" role="table">
        <caption>{t('queue.caption')}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t('queue.col.diary')}
            </th>
            <th scope="col" role="columnheader">
              {t('queue.col.property')}
            </th>
            <th scope="col" role="columnheader">
              {t('queue.col.measure')}
            </th>
            <th scope="col" role="columnheader">
              {t('queue.col.applicant')}
            </th>
            <th scope="col" role="columnheader">
              {t('queue.col.status')}
            </th>
            <th scope="col" role="columnheader">
              {t('loop.col.officer')}
            </th>
            <th scope="col" role="columnheader">
              {t('queue.col.deadline')}
            </th>
            <th scope="col" role="columnheader">
              {t('queue.col.daysLeft')}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((c) => (
            <tr key={c.id} role="row">
              <th scope="row" role="rowheader">
                <Link href={`/handlaggare/arenden/${c.id}`}>{c.diaryNumber}</Link>
                <Flags c={c} />
              </th>
              <td role="cell" data-label={t('queue.col.property')}>
                {c.propertyDesignation}
              </td>
              <td role="cell" data-label={t('queue.col.measure')}>
                {label(measureLabels[c.measure])}
              </td>
              <td role="cell" data-label={t('queue.col.applicant')}>
                {c.applicantName}
              </td>
              <td role="cell" data-label={t('queue.col.status')}>
                {caseStateText(c, lang)}
              </td>
              <td role="cell" data-label={t('loop.col.officer')}>
                {c.assignedTo?.name ?? <span className="hint">{t('loop.unassigned')}</span>}
              </td>
              <td role="cell" data-label={t('queue.col.deadline')}>
                {c.clock.deadline ? formatDate(c.clock.deadline, lang) : '–'}
              </td>
              <DaysLeft c={c} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Flags({ c }: { c: QueueItem }) {
  const { t, lang } = useI18n();
  if (!c.deviation && !c.neighbourConsentMissing && !c.hearingUntil) return null;
  return (
    <span className="flags">
      {c.deviation && <span className="flag flag--deviation">{t('loop.flag.deviationShort')}</span>}
      {c.hearingUntil && (
        <span className="flag flag--hearing" title={t('hearing.flag', { date: formatDate(c.hearingUntil, lang) })}>
          {t('hearing.flagShort', { date: formatDate(c.hearingUntil, lang) })}
        </span>
      )}
      {c.neighbourConsentMissing && c.status !== 'decided' && c.status !== 'withdrawn' && (
        <span className="flag flag--consent">{t('loop.flag.consentShort')}</span>
      )}
    </span>
  );
}

/** Days to the deadline: amber under 14 days, red when overdue, with the fee reduction the delay costs. */
function DaysLeft({ c }: { c: QueueItem }) {
  const { t, lang } = useI18n();
  const cell = { role: 'cell', 'data-label': t('queue.col.daysLeft') };
  if (c.status === 'decided' || c.status === 'withdrawn') return <td {...cell}>–</td>;
  if (c.clock.waitingForCompletion || c.clock.daysLeft === null)
    return (
      <td {...cell} className="days days--paused">
        {t('loop.clock.paused')}
      </td>
    );
  const d = toneOfDays(c.clock.daysLeft, lang);
  return (
    <td {...cell} className={`days days--${d.tone}`}>
      <span>
        {d.text}
        {c.clock.feeReduction > 0 && (
          <span className="days__fee">{t('loop.feeMinus', { p: percent(c.clock.feeReduction, lang) })}</span>
        )}
      </span>
    </td>
  );
}
