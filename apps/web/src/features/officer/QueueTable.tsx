import type { KeyboardEvent, ReactNode } from 'react';
import { measureLabels, type QueueItem, type QueueSort, type SortDirection } from '@lovisa/domain';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { caseStateText, percent, toneOfDays } from '../cases/caseText';
import { useI18n, type MessageKey } from '../../i18n/i18n';

export const sortKeys: Record<QueueSort, MessageKey> = {
  daysLeft: 'queue.sort.daysLeft',
  received: 'queue.sort.received',
  designation: 'queue.sort.designation',
  status: 'queue.sort.status',
};

export interface Sorting {
  sort: QueueSort;
  dir: SortDirection;
  /** Sorts by this column; the same column again turns the order around. */
  sortBy(sort: QueueSort): void;
}

/** Keys that move between the table's cases; Enter on the focused link opens the case (the link's own behaviour). */
const moves: Record<string, (i: number, last: number) => number> = {
  ArrowDown: (i, last) => Math.min(i + 1, last),
  j: (i, last) => Math.min(i + 1, last),
  ArrowUp: (i) => Math.max(i - 1, 0),
  k: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * Arrow keys (and j/k) move the focus from one case's link to the next: the table stays a plain table for
 * screen readers, with one real link per row, and a row shows it holds the focus (styles.css).
 */
function moveBetweenRows(e: KeyboardEvent<HTMLElement>) {
  const move = moves[e.key];
  if (!move || e.altKey || e.ctrlKey || e.metaKey) return;
  const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('tbody a[data-case-link]')];
  if (links.length === 0) return;
  const at = links.findIndex((a) => a === document.activeElement);
  e.preventDefault();
  links[at < 0 ? 0 : move(at, links.length - 1)]!.focus();
}

function SortHeader({ sort, sorting, children }: { sort: QueueSort; sorting: Sorting; children: ReactNode }) {
  const active = sorting.sort === sort;
  const ariaSort = active ? (sorting.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" role="columnheader" aria-sort={ariaSort}>
      <button type="button" className="sort-button" onClick={() => sorting.sortBy(sort)}>
        {children}
        <span className="sort-button__mark" aria-hidden="true">
          {active ? (sorting.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** The queue's table: sortable headers (buttons with aria-sort), a case per row, moved through by keyboard. */
export function QueueTable({ items, sorting, busy }: { items: QueueItem[]; sorting: Sorting; busy: boolean }) {
  const { t, lang, label } = useI18n();
  const caption = `${t('queue.caption')}, ${t('queue.sortedBy', {
    column: t(sortKeys[sorting.sort]).toLowerCase(),
    dir: t(sorting.dir === 'asc' ? 'queue.dir.asc' : 'queue.dir.desc').toLowerCase(),
  })}`;
  return (
    <>
      <p id="queue-keys" className="hint queue-keys">
        {t('queue.keys')}
      </p>
      <div
        className="table-wrap"
        role="region"
        aria-label={t('queue.caption')}
        aria-describedby="queue-keys"
        aria-busy={busy || undefined}
        tabIndex={0}
        onKeyDown={moveBetweenRows}
      >
        {/* Explicit roles keep the table a table for screen readers when a phone shows each row as a card. */}
        <table className="queue table--stack" role="table">
          <caption>{caption}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">
                {t('queue.col.diary')}
              </th>
              <SortHeader sort="designation" sorting={sorting}>
                {t('queue.col.property')}
              </SortHeader>
              <th scope="col" role="columnheader">
                {t('queue.col.measure')}
              </th>
              <th scope="col" role="columnheader">
                {t('queue.col.applicant')}
              </th>
              <SortHeader sort="status" sorting={sorting}>
                {t('queue.col.status')}
              </SortHeader>
              <th scope="col" role="columnheader">
                {t('loop.col.officer')}
              </th>
              <SortHeader sort="received" sorting={sorting}>
                {t('queue.col.received')}
              </SortHeader>
              <SortHeader sort="daysLeft" sorting={sorting}>
                {t('queue.col.daysLeft')}
              </SortHeader>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {items.map((c) => (
              <tr key={c.id} role="row">
                <th scope="row" role="rowheader">
                  <Link href={`/handlaggare/arenden/${c.id}`} data-case-link="">
                    {c.diaryNumber}
                  </Link>
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
                <td role="cell" data-label={t('queue.col.received')}>
                  {formatDate(c.receivedAt.slice(0, 10), lang)}
                </td>
                <DaysLeft c={c} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Flags({ c }: { c: QueueItem }) {
  const { t, lang } = useI18n();
  const open = c.status !== 'decided' && c.status !== 'withdrawn';
  const flags: { key: string; className: string; text: string; title?: string }[] = [];
  if (c.deviation) flags.push({ key: 'deviation', className: 'flag--deviation', text: t('loop.flag.deviationShort') });
  if (c.hearingUntil) {
    const date = formatDate(c.hearingUntil, lang);
    flags.push({
      key: 'hearing',
      className: 'flag--hearing',
      text: t('hearing.flagShort', { date }),
      title: t('hearing.flag', { date }),
    });
  }
  if (c.neighbourConsentMissing && open)
    flags.push({ key: 'consentMissing', className: 'flag--consent', text: t('loop.flag.consentShort') });
  if (c.neighbourConsentPresent)
    flags.push({ key: 'consentPresent', className: 'flag--present', text: t('queue.flagShort.consentPresent') });
  if (c.completionUnread)
    flags.push({ key: 'unread', className: 'flag--unread', text: t('queue.flagShort.completionUnread') });
  if (flags.length === 0) return null;
  return (
    <span className="flags">
      {flags.map((f) => (
        <span key={f.key} className={`flag ${f.className}`} title={f.title}>
          {f.text}
        </span>
      ))}
    </span>
  );
}

/** Days to the deadline (the domain's clock): amber under 14 days, red when overdue, with the fee reduction. */
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
        {c.clock.deadline && <span className="days__date">{formatDate(c.clock.deadline, lang)}</span>}
        {c.clock.feeReduction > 0 && (
          <span className="days__fee">{t('loop.feeMinus', { p: percent(c.clock.feeReduction, lang) })}</span>
        )}
      </span>
    </td>
  );
}
