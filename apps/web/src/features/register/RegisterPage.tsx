import { lazy, Suspense, type FormEvent } from 'react';
import {
  MeasureTypeSchema,
  PublicStatusSchema,
  measureLabels,
  publicStatusLabels,
  type MeasureType,
  type PublicRegisterPage,
  type PublicStatus,
} from '@lovisa/domain';
import { GET } from '../../api/http';
import { PageTitle, Status } from '../../components/Layout';
import { useMunicipalityName } from '../../components/municipality';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useLocation } from '../../router';
import { useApi } from '../../useApi';

// Leaflet only when the page is shown: the list is there first.
const RegisterMap = lazy(() => import('./RegisterMap'));

const LIMIT = 25;
const PATH = '/bygglovsregister';

/**
 * The public register of building-permit cases (issue #25): announced decisions and the diary's applications,
 * as a list (a table) and on a map. No login; no person is ever named. The filters live in the address, so a
 * filtered page can be linked to.
 */
export default function RegisterPage() {
  const { t } = useI18n();
  const municipality = useMunicipalityName();
  const { search } = useLocation();
  const page = Math.max(1, Number(search.get('sida')) || 1);
  const status = PublicStatusSchema.safeParse(search.get('status')).data;
  const measure = MeasureTypeSchema.safeParse(search.get('atgard')).data;
  const { data, error } = useApi(
    () =>
      GET('/api/public/register', {
        params: {
          query: { page, limit: LIMIT, ...(status ? { status } : {}), ...(measure ? { measure } : {}) },
        },
      }),
    [page, status, measure],
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / LIMIT)) : 1;
  const href = (p: number, s = status, m = measure) => {
    const q = new URLSearchParams();
    if (s) q.set('status', s);
    if (m) q.set('atgard', m);
    if (p > 1) q.set('sida', String(p));
    const qs = q.toString();
    return qs ? `${PATH}?${qs}` : PATH;
  };
  const count = data?.total;
  const countText =
    count === undefined
      ? error
        ? ''
        : t('common.loading')
      : count === 0
        ? t('register.empty')
        : t(count === 1 ? 'register.count1' : 'register.count', { count });
  const first = data ? (data.page - 1) * LIMIT + 1 : 0;
  return (
    <div className="page register">
      <PageTitle>{t('register.title')}</PageTitle>
      <p>{t('register.intro', { municipality })}</p>
      <p>{t('register.privacy')}</p>
      <RegisterFilters status={status} measure={measure} onFilter={(st, m) => navigate(href(1, st, m))} />
      {error && <Status tone="error">{error}</Status>}
      <p aria-live="polite">{countText}</p>
      {data && data.items.length > 0 && (
        <>
          <h2>{t('register.mapTitle')}</h2>
          <Suspense fallback={<p>{t('wizard.loadingMap')}</p>}>
            <RegisterMap entries={data.items} />
          </Suspense>
          <RegisterTable page={data} first={first} />
        </>
      )}
      {data && pages > 1 && (
        <nav aria-label={t('notice.board.pages')} className="pager">
          {page > 1 && <Link href={href(page - 1)}>{t('notice.board.prev')}</Link>}
          <span>{t('notice.board.page', { page, pages })}</span>
          {page < pages && <Link href={href(page + 1)}>{t('notice.board.next')}</Link>}
        </nav>
      )}
      <h2>{t('register.openData')}</h2>
      <p>{t('register.openDataText')}</p>
      <ul>
        <li>
          <a href="/api/public/register">{t('register.openData.json')}</a>
        </li>
        <li>
          <a href="/api/public/register.geojson">{t('register.openData.geojson')}</a>
        </li>
        <li>
          <a href="/api/openapi.json">{t('register.openData.openapi')}</a>
        </li>
      </ul>
    </div>
  );
}

/**
 * The list: one row per entry, the property as the row's header, the status next (what a narrow screen shows
 * before scrolling). The map's accessible alternative.
 */
function RegisterTable({ page: data, first }: { page: PublicRegisterPage; first: number }) {
  const { t, lang, label } = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="register-caption">
      <table className="data-table register-table">
        <caption id="register-caption">
          {t('register.caption', { from: first, to: first + data.items.length - 1, total: data.total })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('register.col.property')}</th>
            <th scope="col">{t('register.col.status')}</th>
            <th scope="col">{t('register.col.measure')}</th>
            <th scope="col">{t('register.col.received')}</th>
            <th scope="col">{t('register.col.decided')}</th>
            <th scope="col">{t('register.col.announced')}</th>
            <th scope="col">{t('register.col.diary')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.propertyDesignation}</th>
              <td>{label(e.statusLabel)}</td>
              <td>{label(e.measureLabel)}</td>
              <td>{formatDate(e.receivedOn, lang)}</td>
              <td>{e.decidedOn ? formatDate(e.decidedOn, lang) : '–'}</td>
              <td>{e.announcedOn ? formatDate(e.announcedOn, lang) : '–'}</td>
              <td className="nowrap">{e.diaryNumber}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Status and measure, applied with a button (a select that navigates on change would move keyboard users on). */
function RegisterFilters(props: {
  status: PublicStatus | undefined;
  measure: MeasureType | undefined;
  onFilter: (status: PublicStatus | undefined, measure: MeasureType | undefined) => void;
}) {
  const { t, label } = useI18n();
  const { status, measure } = props;
  const filter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    props.onFilter(
      PublicStatusSchema.safeParse(form.get('status')).data,
      MeasureTypeSchema.safeParse(form.get('atgard')).data,
    );
  };
  return (
    <form className="register-filters" onSubmit={filter} aria-label={t('register.filters')}>
      <label>
        {t('register.filter.status')}
        <select name="status" defaultValue={status ?? ''} key={`s-${status ?? ''}`}>
          <option value="">{t('register.filter.all')}</option>
          {PublicStatusSchema.options.map((s: PublicStatus) => (
            <option key={s} value={s}>
              {label(publicStatusLabels[s])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('register.filter.measure')}
        <select name="atgard" defaultValue={measure ?? ''} key={`m-${measure ?? ''}`}>
          <option value="">{t('register.filter.all')}</option>
          {MeasureTypeSchema.options.map((m: MeasureType) => (
            <option key={m} value={m}>
              {label(measureLabels[m])}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        {t('register.filter.show')}
      </button>
    </form>
  );
}
