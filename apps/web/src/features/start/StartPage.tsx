import { PageTitle } from '../../components/Layout';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router';
import { useMunicipalityName } from '../../components/municipality';

export function StartPage() {
  const { t } = useI18n();
  const municipality = useMunicipalityName();
  return (
    <div className="page page--narrow">
      <PageTitle>{t('start.title')}</PageTitle>
      <p className="lead">{t('start.lead', { municipality })}</p>
      <h2>{t('start.needTitle')}</h2>
      <ul className="checklist">
        <li>{t('start.need1')}</li>
        <li>{t('start.need2')}</li>
        <li>{t('start.need3')}</li>
      </ul>
      <p>
        <Link href="/logga-in?next=%2Fansokan" className="button button--primary button--large">
          {t('start.cta')}
        </Link>
      </p>
      <p>
        <Link href="/logga-in?next=%2Fvad-vill-du-gora">{t('mc.start')}</Link>
      </p>
      <p>
        <Link href="/mina-arenden">{t('start.follow')}</Link>
      </p>
      <p>
        <Link href="/logga-in?roll=handlaggare">{t('start.officer')}</Link>
      </p>
    </div>
  );
}
