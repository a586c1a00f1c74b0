import { GET } from '../../api/http';
import { PageTitle, Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Link, useLocation } from '../../router';
import { useApi } from '../../useApi';
import { useMunicipalityName } from '../../components/municipality';

const PAGE_SIZE = 20;

/**
 * The municipality's digital anslagstavla for building permits (kommunallagen 8 kap. 9 §, PBL 9 kap. 41 a §):
 * public, no login. Each notice names the property, the measure and the dates, never a person.
 */
export default function AnslagstavlaPage() {
  const { t, lang, label } = useI18n();
  const municipality = useMunicipalityName();
  const { search } = useLocation();
  const page = Math.max(1, Number(search.get('sida')) || 1);
  const { data, error } = useApi(
    () => GET('/api/public/anslagstavla', { params: { query: { page, pageSize: PAGE_SIZE } } }),
    [page],
  );
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const count = data?.total;
  const countText =
    count === undefined
      ? error
        ? ''
        : t('common.loading')
      : count === 0
        ? t('notice.board.empty')
        : t(count === 1 ? 'notice.board.count1' : 'notice.board.count', { count });
  return (
    <div className="page page--narrow">
      <PageTitle>{t('notice.board.title')}</PageTitle>
      <p>{t('notice.board.intro', { municipality })}</p>
      <p>{t('notice.board.appeal', { municipality })}</p>
      {error && <Status tone="error">{error}</Status>}
      <p aria-live="polite">{countText}</p>
      {data && data.items.length > 0 && (
        <ul className="board">
          {data.items.map((a) => (
            <li key={a.id} className="board__item">
              <article aria-labelledby={`board-${a.id}`}>
                <h2 id={`board-${a.id}`}>
                  {t('notice.board.decision')}: {a.propertyDesignation}
                </h2>
                <dl className="facts">
                  <dt>{t('notice.board.measure')}</dt>
                  <dd>{label(a.measureLabel)}</dd>
                  <dt>{t('notice.board.diary')}</dt>
                  <dd>{a.diaryNumber}</dd>
                  <dt>{t('notice.board.decidedOn')}</dt>
                  <dd>{formatDate(a.decidedOn, lang)}</dd>
                  <dt>{t('notice.board.up')}</dt>
                  <dd>{formatDate(a.publishedOn, lang)}</dd>
                  <dt>{t('notice.board.until')}</dt>
                  <dd>{formatDate(a.upUntil, lang)}</dd>
                </dl>
              </article>
            </li>
          ))}
        </ul>
      )}
      {data && pages > 1 && (
        <nav aria-label={t('notice.board.pages')} className="pager">
          {page > 1 && <Link href={`/anslagstavla?sida=${page - 1}`}>{t('notice.board.prev')}</Link>}
          <span>{t('notice.board.page', { page, pages })}</span>
          {page < pages && <Link href={`/anslagstavla?sida=${page + 1}`}>{t('notice.board.next')}</Link>}
        </nav>
      )}
    </div>
  );
}
