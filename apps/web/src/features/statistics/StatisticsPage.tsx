import { useState, type FormEvent } from 'react';
import {
  StatisticsPeriodSchema,
  boverketRowText,
  defaultStatisticsPeriod,
  measureLabels,
  stockholmDate,
  type BoverketRow,
  type HandlingRow,
  type StatisticsPeriod,
  type StatisticsTable,
  type VolumeRow,
} from '@lovisa/domain';
import { PageTitle, Status } from '../../components/Layout';
import { navigate, useLocation } from '../../router';
import { useApi } from '../../useApi';
import { useI18n } from '../../i18n/i18n';
import { percent } from '../cases/caseText';
import { BarChart } from './BarChart';
import { statisticsApi } from './statisticsApi';

const PATH = '/handlaggare/statistik';

/** The period in the address, or the year so far when it has none (or one the server would refuse). */
function periodOf(search: URLSearchParams): StatisticsPeriod {
  const parsed = StatisticsPeriodSchema.safeParse({ from: search.get('from'), to: search.get('to') });
  return parsed.success ? parsed.data : defaultStatisticsPeriod(stockholmDate(new Date()));
}

/** Statistics for officers, team leads and the committee (issue #25): each chart followed by its table. */
export default function StatisticsPage() {
  const { search } = useLocation();
  const { t } = useI18n();
  const period = periodOf(search);
  const key = `${period.from}/${period.to}`;
  const { data, error } = useApi(
    () => Promise.all([statisticsApi.handling(period), statisticsApi.volumes(period), statisticsApi.boverket(period)]),
    [key],
    { officer: true },
  );
  return (
    <div className="page page--wide statistics">
      <PageTitle>{t('stats.title')}</PageTitle>
      <p>{t('stats.intro')}</p>
      <PeriodForm period={period} />
      {error && <Status tone="error">{error}</Status>}
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && (
        <>
          <p aria-live="polite">{t('stats.showing', { from: period.from, to: period.to })}</p>
          <HandlingSection rows={data[0].rows} period={period} />
          <VolumeSection rows={data[1].rows} period={period} />
          <BoverketSection rows={data[2].rows} period={period} />
        </>
      )}
    </div>
  );
}

function PeriodForm({ period }: { period: StatisticsPeriod }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = StatisticsPeriodSchema.safeParse({ from, to });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]!.message);
      return;
    }
    setProblem(null);
    navigate(`${PATH}?${new URLSearchParams(parsed.data)}`);
  };
  return (
    <form className="queue-filters" aria-label={t('stats.period')} onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="stats-from">{t('stats.from')}</label>
        <input id="stats-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="stats-to">{t('stats.to')}</label>
        <input
          id="stats-to"
          type="date"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-describedby={problem ? 'stats-problem' : undefined}
          aria-invalid={problem ? true : undefined}
        />
      </div>
      <button type="submit" className="button">
        {t('stats.show')}
      </button>
      {problem && (
        <p id="stats-problem" className="field__error" role="alert">
          {t(problem as Parameters<typeof t>[0])}
        </p>
      )}
    </form>
  );
}

function CsvLink({ table, period }: { table: StatisticsTable; period: StatisticsPeriod }) {
  const { t } = useI18n();
  return (
    <p>
      <a href={statisticsApi.csvUrl(table, period)} download>
        {t(`stats.csv.${table}`)}
      </a>
    </p>
  );
}

const days = (n: number | null) => (n === null ? '–' : n.toLocaleString('sv-SE', { maximumFractionDigits: 1 }));

function HandlingSection({ rows, period }: { rows: HandlingRow[]; period: StatisticsPeriod }) {
  const { t, lang } = useI18n();
  const team = (r: HandlingRow) => r.teamName ?? t('statistics.allTeams');
  const name = (r: HandlingRow) => `${t(`statistics.procedure.${r.procedure}`)}, ${team(r)}`;
  const share = (s: number | null) => (s === null ? '–' : percent(s, lang));
  return (
    <section aria-labelledby="stats-handling">
      <h2 id="stats-handling">{t('stats.handling')}</h2>
      <p>{t('stats.handlingHow')}</p>
      {rows.length === 0 ? (
        <p>{t('stats.none')}</p>
      ) : (
        <>
          <h3>{t('stats.handlingChart')}</h3>
          <BarChart
            groups={rows.map((r) => ({
              label: name(r),
              values: [
                { value: r.medianDays ?? 0, text: t('stats.medianBar', { days: days(r.medianDays) }) },
                { value: r.p90Days ?? 0, text: t('stats.p90Bar', { days: days(r.p90Days) }) },
              ],
            }))}
          />
          <h3 id="stats-handling-caption">{t('stats.handlingTable')}</h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="stats-handling-caption">
            <table className="data-table" aria-labelledby="stats-handling-caption">
              <thead>
                <tr>
                  <th scope="col">{t('statistics.col.procedure')}</th>
                  <th scope="col">{t('statistics.col.team')}</th>
                  <th scope="col">{t('statistics.col.decided')}</th>
                  <th scope="col">{t('stats.col.median')}</th>
                  <th scope="col">{t('stats.col.p90')}</th>
                  <th scope="col">{t('stats.col.withinLimit')}</th>
                  <th scope="col">{t('stats.col.stopped')}</th>
                  <th scope="col">{t('statistics.col.completionRequestsPerCase')}</th>
                  <th scope="col">{t('stats.col.feeReductions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.procedure}-${r.teamId ?? 'all'}`}>
                    <th scope="row">{t(`statistics.procedure.${r.procedure}`)}</th>
                    <td>{team(r)}</td>
                    <td>{r.decided}</td>
                    <td>{days(r.medianDays)}</td>
                    <td>{days(r.p90Days)}</td>
                    <td>{share(r.withinLimitShare)}</td>
                    <td>{days(r.stoppedDaysMean)}</td>
                    <td>{days(r.completionRequestsPerCase)}</td>
                    <td>{r.feeReductions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <CsvLink table="handling" period={period} />
    </section>
  );
}

function VolumeSection({ rows, period }: { rows: VolumeRow[]; period: StatisticsPeriod }) {
  const { t, label } = useI18n();
  const months = [...new Set(rows.map((r) => r.month))];
  const sum = (m: string, key: 'received' | 'decided') =>
    rows.filter((r) => r.month === m).reduce((s, r) => s + r[key], 0);
  return (
    <section aria-labelledby="stats-volumes">
      <h2 id="stats-volumes">{t('stats.volumes')}</h2>
      {rows.length === 0 ? (
        <p>{t('stats.none')}</p>
      ) : (
        <>
          <h3>{t('stats.volumesChart')}</h3>
          <BarChart
            groups={months.map((m) => ({
              label: m,
              values: [
                { value: sum(m, 'received'), text: t('stats.receivedBar', { n: sum(m, 'received') }) },
                { value: sum(m, 'decided'), text: t('stats.decidedBar', { n: sum(m, 'decided') }) },
              ],
            }))}
          />
          <h3 id="stats-volumes-caption">{t('stats.volumesTable')}</h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="stats-volumes-caption">
            <table className="data-table" aria-labelledby="stats-volumes-caption">
              <thead>
                <tr>
                  <th scope="col">{t('statistics.col.month')}</th>
                  <th scope="col">{t('statistics.col.measure')}</th>
                  <th scope="col">{t('statistics.col.received')}</th>
                  <th scope="col">{t('statistics.col.decided')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.month}-${r.measure}`}>
                    <th scope="row">{r.month}</th>
                    <td>{label(measureLabels[r.measure])}</td>
                    <td>{r.received}</td>
                    <td>{r.decided}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <CsvLink table="volumes" period={period} />
    </section>
  );
}

function BoverketSection({ rows, period }: { rows: BoverketRow[]; period: StatisticsPeriod }) {
  const { t, lang } = useI18n();
  const value = (r: BoverketRow) => {
    if (r.status === 'notYetRecorded') return t('statistics.status.notYetRecorded');
    if (r.value === null) return '–';
    if (r.unit === 'share') return percent(r.value, lang);
    return r.unit === 'days' ? `${days(r.value)} ${t('stats.daysUnit')}` : String(r.value);
  };
  return (
    <section aria-labelledby="stats-boverket">
      <h2 id="stats-boverket">{t('stats.boverket')}</h2>
      <p>{t('stats.boverketHow')}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="stats-boverket-caption">
        <table className="data-table data-table--questions">
          <caption id="stats-boverket-caption" className="visually-hidden">
            {t('stats.boverket')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('statistics.col.question')}</th>
              <th scope="col">{t('statistics.col.value')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{t(boverketRowText(r.id))}</th>
                <td>{value(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CsvLink table="boverket" period={period} />
    </section>
  );
}
