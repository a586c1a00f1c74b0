import { isValidElement, useEffect, useRef, type ReactNode } from 'react';
import { useI18n, type Message } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { useMunicipality } from './municipality';

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { session, logout } = useSession();
  const user = session?.user;
  const municipality = useMunicipality();
  const name = municipality
    ? lang === 'en'
      ? (municipality.nameEn ?? municipality.name)
      : municipality.name
    : t('app.municipality');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="brand">
            {municipality?.logoUrl && <img src={municipality.logoUrl} alt="" className="brand__logo" />}
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__sub">
                {t('app.service')} · {name}
              </span>
            </span>
          </Link>
          <nav aria-label={t('nav.main')} className="site-nav">
            <ul>
              <li>
                <Link href="/mina-arenden">{t('nav.myCases')}</Link>
              </li>
              {user?.roles.includes('officer') && (
                <>
                  <li>
                    <Link href="/handlaggare">{t('nav.officer')}</Link>
                  </li>
                  <li>
                    <Link href="/handlaggare/namnd">{t('committee.link')}</Link>
                  </li>
                  <li>
                    <Link href="/handlaggare/statistik">{t('nav.statistics')}</Link>
                  </li>
                </>
              )}
              <li>
                <button
                  type="button"
                  className="linklike"
                  lang={lang === 'sv' ? 'en' : 'sv'}
                  onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')}
                >
                  {t('nav.language')}
                </button>
              </li>
              {user && (
                <li className="site-nav__user">
                  <span>{user.name}</span>
                  <button
                    type="button"
                    className="linklike"
                    // logout() never rejects: the session is forgotten here even if the server is out of reach.
                    onClick={() => void logout().then(() => navigate('/'))}
                  >
                    {t('nav.logout')}
                  </button>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <nav aria-label={t('footer.nav')}>
          <ul className="site-footer__links">
            <li>
              <Link href="/anslagstavla">{t('footer.anslagstavla')}</Link>
            </li>
            <li>
              <Link href="/bygglovsregister">{t('footer.register')}</Link>
            </li>
            <li>
              <Link href="/tillganglighet">{t('footer.accessibility')}</Link>
            </li>
            <li>
              <Link href="/personuppgifter">{t('footer.privacy')}</Link>
            </li>
          </ul>
        </nav>
        {municipality && (
          <address className="site-footer__contact">
            <strong>{name}</strong>, {municipality.contact.address}
            <br />
            {t('footer.phone')}:{' '}
            <a href={`tel:${municipality.contact.phone.replace(/[^\d+]/g, '')}`}>{municipality.contact.phone}</a>
            {' · '}
            {t('footer.email')}: <a href={`mailto:${municipality.contact.email}`}>{municipality.contact.email}</a>
            {' · '}
            {t('footer.openingHours')}: {municipality.contact.openingHours}
          </address>
        )}
        {(!municipality || municipality.fictional) && <p>{t('footer.text', { municipality: name })}</p>}
      </footer>
    </>
  );
}

let firstPage = true;

/**
 * A page's one h1, focused when the view changes so screen-reader users hear where they are. Not on the
 * first page of a visit: there the browser's own start-of-page is the right place.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Once per mount (a new view, or a new step: callers key it), never on a re-render of the same view.
  useEffect(() => {
    if (!firstPage) ref.current?.focus();
    firstPage = false;
  }, []);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

const isMessage = (x: unknown): x is Message =>
  typeof x === 'object' && x !== null && !isValidElement(x) && typeof (x as { id?: unknown }).id === 'string';

/** A status line; given a Message (a problem or an API error by id) it renders it in the page's language. */
export function Status({
  children,
  tone = 'info',
}: {
  children: ReactNode | Message;
  tone?: 'info' | 'error' | 'success';
}) {
  const { msg } = useI18n();
  return (
    <div className={`status status--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {isMessage(children) ? msg(children) : (children as ReactNode)}
    </div>
  );
}
