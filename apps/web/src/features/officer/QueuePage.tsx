import { useState, type FormEvent } from 'react';
import { CaseStatusSchema, MeasureTypeSchema, caseStatusLabels, measureLabels } from '@lovisa/domain';
import { api } from '../../api/client';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link, navigate, useLocation } from '../../router';
import { useApi } from '../../useApi';
import { caseStateText, deadlineTone } from '../cases/caseText';
import { useI18n } from '../../i18n/i18n';

const PAGE_SIZE = 25;

/** The team's queue: filters and search live in the URL, so a view can be bookmarked and the back button works. */
export default function QueuePage() {
  const { search } = useLocation();
  const { t, lang, label } = useI18n();
  const query = new URLSearchParams(search);
  query.set('pageSize', String(PAGE_SIZE));
  const key = query.toString();
  const { data, error } = useApi(() => api.queue(new URLSearchParams(key)), [key], { officer: true });
  const [text, setText] = useState(search.get('q') ?? '');
  const page = Number(search.get('page') ?? '1');
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    navigate(`/handlaggare${next.size ? `?${next}` : ''}`);
  };
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim() || null });
  };

  return (
    <div className="page page--wide">
      <PageTitle>{t('queue.title')}</PageTitle>
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
          <select id="measure" value={search.get('measure') ?? ''} onChange={(e) => go({ measure: e.target.value || null })}>
            <option value="">{t('queue.all')}</option>
            {MeasureTypeSchema.options.map((m) => (
              <option key={m} value={m}>
                {label(measureLabels[m])}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && (
        <p aria-live="polite">
          {data.total === 0 ? t('queue.empty') : t(data.total === 1 ? 'queue.count1' : 'queue.countN', { n: data.total, page, pages })}
        </p>
      )}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="queue">
            <caption>{t('queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.col.diary')}</th>
                <th scope="col">{t('queue.col.property')}</th>
                <th scope="col">{t('queue.col.measure')}</th>
                <th scope="col">{t('queue.col.applicant')}</th>
                <th scope="col">{t('queue.col.status')}</th>
                <th scope="col">{t('queue.col.received')}</th>
                <th scope="col">{t('queue.col.deadline')}</th>
                <th scope="col">{t('queue.col.daysLeft')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => {
                const d = deadlineTone(c.decisionDeadline, new Date(), lang);
                return (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/handlaggare/arenden/${c.id}`}>{c.diaryNumber}</Link>
                    </th>
                    <td>{c.propertyDesignation}</td>
                    <td>{label(measureLabels[c.measure])}</td>
                    <td>{c.applicantName}</td>
                    <td>{caseStateText(c, lang)}</td>
                    <td>{formatDate(c.receivedAt, lang)}</td>
                    <td>{formatDate(c.decisionDeadline, lang)}</td>
                    <td className={c.status === 'decided' ? undefined : `days days--${d.tone}`}>{c.status === 'decided' ? '–' : d.text}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && pages > 1 && (
        <nav aria-label={t('queue.pages')} className="pager">
          <button type="button" className="button" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
            {t('queue.prev')}
          </button>
          <button type="button" className="button" disabled={page >= pages} onClick={() => go({ page: String(page + 1) })}>
            {t('queue.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
