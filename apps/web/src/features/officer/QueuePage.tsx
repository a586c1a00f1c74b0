import { useState, type FormEvent } from 'react';
import { CaseStatusSchema, MeasureTypeSchema, caseStatusLabels, measureLabels } from '@lovisa/domain';
import { api } from '../../api/client';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { Link, navigate, useLocation } from '../../router';
import { useApi } from '../../useApi';
import { caseStateText, deadlineTone } from '../cases/caseText';

const PAGE_SIZE = 25;

/** The team's queue: filters and search live in the URL, so a view can be bookmarked and the back button works. */
export default function QueuePage() {
  const { search } = useLocation();
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
      <PageTitle>Ärenden att handlägga</PageTitle>
      <form className="queue-filters" role="search" aria-label="Sök och filtrera ärenden" onSubmit={submitSearch}>
        <div className="field">
          <label htmlFor="q">Sök diarienummer, fastighet eller sökande</label>
          <input id="q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit" className="button">
          Sök
        </button>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" value={search.get('status') ?? ''} onChange={(e) => go({ status: e.target.value || null })}>
            <option value="">Alla</option>
            {CaseStatusSchema.options.map((s) => (
              <option key={s} value={s}>
                {caseStatusLabels[s].sv}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="measure">Åtgärd</label>
          <select id="measure" value={search.get('measure') ?? ''} onChange={(e) => go({ measure: e.target.value || null })}>
            <option value="">Alla</option>
            {MeasureTypeSchema.options.map((m) => (
              <option key={m} value={m}>
                {measureLabels[m].sv}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>Hämtar …</p>}
      {data && (
        <p aria-live="polite">
          {data.total === 0 ? 'Inga ärenden matchar.' : `${data.total} ${data.total === 1 ? 'ärende' : 'ärenden'}, sida ${page} av ${pages}.`}
        </p>
      )}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="queue">
            <caption>Gruppens ärenden, det med närmast beslutsdatum först</caption>
            <thead>
              <tr>
                <th scope="col">Diarienummer</th>
                <th scope="col">Fastighet</th>
                <th scope="col">Åtgärd</th>
                <th scope="col">Sökande</th>
                <th scope="col">Status</th>
                <th scope="col">Inkom</th>
                <th scope="col">Beslut senast</th>
                <th scope="col">Dagar kvar</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => {
                const d = deadlineTone(c.decisionDeadline);
                return (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link href={`/handlaggare/arenden/${c.id}`}>{c.diaryNumber}</Link>
                    </th>
                    <td>{c.propertyDesignation}</td>
                    <td>{measureLabels[c.measure].sv}</td>
                    <td>{c.applicantName}</td>
                    <td>{caseStateText(c)}</td>
                    <td>{formatDate(c.receivedAt)}</td>
                    <td>{formatDate(c.decisionDeadline)}</td>
                    <td className={c.status === 'decided' ? undefined : `days days--${d.tone}`}>{c.status === 'decided' ? '–' : d.text}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && pages > 1 && (
        <nav aria-label="Sidor" className="pager">
          <button type="button" className="button" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
            Föregående sida
          </button>
          <button type="button" className="button" disabled={page >= pages} onClick={() => go({ page: String(page + 1) })}>
            Nästa sida
          </button>
        </nav>
      )}
    </div>
  );
}
