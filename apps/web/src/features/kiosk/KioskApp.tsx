import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { AUTOSAVE_DELAY_MS } from '@lovisa/wizard';
import { PageTitle } from '../../components/Layout';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, safeNext, useLocation } from '../../router';
import { useSession } from '../../session';
import { LoginPage } from '../login/LoginPage';
import { AccessibilityStatement, PrivacyNotice } from '../legal/LegalPages';
import { keepOneHistoryEntry } from './history';
import { HelpDialog, IdleGuard } from './KioskDialogs';
import { kioskApi, type KioskConfig } from './kioskApi';
import { endVisit } from './wipe';
import { useMunicipalityName } from '../../components/municipality';

const WizardPage = lazy(() => import('../wizard/WizardPage'));
const MyCasesPage = lazy(() => import('../cases/MyCasesPage'));
const MyCasePage = lazy(() => import('../cases/MyCasePage'));

/** Should the settings not come, the kiosk still protects its visitors, with the defaults. */
const fallbackConfig: KioskConfig = { kioskOnly: false, idleSeconds: 90, countdownSeconds: 30, helpText: '' };

/**
 * The town-hall kiosk (issue 9): a touch screen in Kjellstavik's town hall, full-screen without browser
 * chrome, used by one visitor after another. Large type and targets, Swedish or English, high contrast,
 * BankID on the visitor's own phone only, help from the staff, and idle protection that wipes the visit.
 * Everything here lives in this page's memory; endVisit() logs out and loads the page afresh.
 */
export default function KioskApp() {
  const { path } = useLocation();
  const { session } = useSession();
  const { t, lang, setLang } = useI18n();
  const municipality = useMunicipalityName();
  const [config, setConfig] = useState<KioskConfig | null>(null);
  const [contrast, setContrast] = useState(false);
  const [staff, setStaff] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState('');
  const [ending, setEnding] = useState(false);
  const signedIn = session?.authenticated === true;

  useEffect(() => {
    kioskApi.config().then(setConfig, () => setConfig(fallbackConfig));
  }, []);
  useEffect(() => keepOneHistoryEntry(), []);
  // Large type for the whole page (dialogs included), and high contrast when chosen.
  useEffect(() => {
    document.documentElement.classList.add('kiosk-root');
    return () => document.documentElement.classList.remove('kiosk-root');
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('kiosk-contrast', contrast);
  }, [contrast]);
  useKioskGuards(setNotice, t('kiosk.blocked.file'), t('kiosk.blocked.link'));

  const finish = useCallback((settleMs = 0) => {
    setEnding(true);
    setHelpOpen(false);
    void endVisit(settleMs);
  }, []);
  const end = useCallback(() => finish(), [finish]);

  const atAttract = !signedIn && (path === '/kiosk' || path === '/');
  // A visitor who only changed the language or the contrast on the attract screen is reset as well.
  const guarded = !atAttract || lang !== 'sv' || contrast || staff;

  return (
    <div className="kiosk">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="kiosk-bar">
        <p className="kiosk-bar__brand">
          <span className="kiosk-bar__name">{t('app.name')}</span> {t('app.service')} · {municipality}
        </p>
        <div className="kiosk-bar__buttons" role="group" aria-label={t('kiosk.bar')}>
          <button type="button" lang={lang === 'sv' ? 'en' : 'sv'} onClick={() => setLang(lang === 'sv' ? 'en' : 'sv')}>
            {t('kiosk.language')}
          </button>
          <button type="button" aria-pressed={contrast} onClick={() => setContrast(!contrast)}>
            {t('kiosk.contrast')}
          </button>
          <button type="button" onClick={() => setHelpOpen(true)}>
            {t('kiosk.help')}
          </button>
          {!atAttract && (
            <button
              type="button"
              className="kiosk-bar__end"
              onClick={() => finish(path.startsWith('/ansokan') ? AUTOSAVE_DELAY_MS + 700 : 0)}
            >
              {t('kiosk.end')}
            </button>
          )}
        </div>
      </header>
      {staff && (
        <div className="kiosk-staff" role="status">
          <strong>{t('kiosk.staff.banner')}</strong>
          <button type="button" className="button" onClick={() => setStaff(false)}>
            {t('kiosk.staff.stop')}
          </button>
        </div>
      )}
      <main id="main" tabIndex={-1} className="kiosk-main">
        <Suspense fallback={<p className="page">{t('common.loading')}</p>}>
          <div key={path.startsWith('/ansokan') ? '/ansokan' : path}>{kioskRoute(path, signedIn, end)}</div>
        </Suspense>
      </main>
      <div className="kiosk-notice" role="status">
        {notice && <p>{notice}</p>}
      </div>
      {helpOpen && config && (
        <HelpDialog helpText={config.helpText} staff={staff} onStaff={setStaff} onClose={() => setHelpOpen(false)} />
      )}
      {config && guarded && !ending && (
        <IdleGuard
          idleSeconds={config.idleSeconds}
          countdownSeconds={config.countdownSeconds}
          signedIn={signedIn}
          onEnd={end}
        />
      )}
      {ending && (
        <div className="kiosk-ending" role="status">
          <p>{t('kiosk.ending')}</p>
        </div>
      )}
    </div>
  );
}

function kioskRoute(path: string, signedIn: boolean, finish: () => void) {
  let m: RegExpMatchArray | null;
  if (path === '/kiosk' || path === '/' || path === '/kiosk/meny') return signedIn ? <KioskMenu /> : <Attract />;
  if (path === '/kiosk/logga-in' || path === '/logga-in')
    return signedIn ? <AfterLogin /> : <LoginPage kiosk onCancel={finish} />;
  if (path === '/ansokan' || path.startsWith('/ansokan/')) return <WizardPage />;
  if (path === '/mina-arenden') return <MyCasesPage />;
  if ((m = path.match(/^\/mina-arenden\/([0-9a-f-]{36})$/))) return <MyCasePage id={m[1]!} />;
  if (path === '/tillganglighet') return <AccessibilityStatement />;
  if (path === '/personuppgifter') return <PrivacyNotice />;
  return <NotHere officer={path === '/handlaggare' || path.startsWith('/handlaggare/')} />;
}

/** Signed in while on the login address (a reload, a second tab): on to where the login was going. */
function AfterLogin() {
  const { search } = useLocation();
  const next = safeNext(search.get('next'), '/kiosk/meny');
  useEffect(() => navigate(next, { replace: true }), [next]);
  return null;
}

function Attract() {
  const { t } = useI18n();
  const start = () => navigate('/kiosk/logga-in');
  return (
    // The whole screen starts a visit; the button is the same for keyboards and screen readers.
    <div className="kiosk-attract" onClick={start}>
      <HouseArt />
      <PageTitle>{t('kiosk.attract.title')}</PageTitle>
      <p className="kiosk-attract__lead">{t('kiosk.attract.lead')}</p>
      <button type="button" className="button button--primary kiosk-attract__start">
        {t('kiosk.attract.tap')}
      </button>
    </div>
  );
}

function KioskMenu() {
  const { t } = useI18n();
  return (
    <div className="page page--narrow kiosk-menu">
      <PageTitle>{t('kiosk.menu.title')}</PageTitle>
      <ul className="kiosk-menu__choices">
        <li>
          <Link href="/ansokan" className="button button--primary">
            {t('kiosk.menu.apply')}
          </Link>
        </li>
        <li>
          <Link href="/mina-arenden" className="button">
            {t('kiosk.menu.cases')}
          </Link>
        </li>
      </ul>
      <p className="kiosk-menu__saved">{t('kiosk.saved')}</p>
    </div>
  );
}

function NotHere({ officer }: { officer: boolean }) {
  const { t } = useI18n();
  return (
    <div className="page page--narrow">
      <PageTitle>{officer ? t('kiosk.officer') : t('common.notFoundTitle')}</PageTitle>
      <p>
        <Link href="/kiosk" className="button button--primary">
          {t('kiosk.toStart')}
        </Link>
      </p>
    </div>
  );
}

/**
 * What a public screen must not do: open a file picker onto the kiosk's own disk, download a visitor's
 * documents to it, open new windows or other sites, or show a long-press menu. A short note says why.
 */
function useKioskGuards(say: (text: string) => void, fileText: string, linkText: string) {
  useEffect(() => {
    let clear = 0;
    const tell = (text: string) => {
      say(text);
      window.clearTimeout(clear);
      clear = window.setTimeout(() => say(''), 8000);
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (!target) return;
      if (target.closest('input[type="file"]')) {
        e.preventDefault();
        tell(fileText);
        return;
      }
      const link = target.closest('a[href]');
      if (!(link instanceof HTMLAnchorElement)) return;
      const url = new URL(link.href, window.location.href);
      const pageOfThisService =
        url.origin === window.location.origin &&
        !url.pathname.startsWith('/api/') &&
        !url.pathname.startsWith('/bankid-sim') &&
        !link.hasAttribute('download') &&
        link.target !== '_blank';
      if (pageOfThisService || link.getAttribute('href')?.startsWith('#')) return;
      e.preventDefault();
      e.stopPropagation();
      tell(linkText);
    };
    const noMenu = (e: Event) => e.preventDefault();
    document.addEventListener('click', onClick, true);
    document.addEventListener('contextmenu', noMenu);
    return () => {
      window.clearTimeout(clear);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('contextmenu', noMenu);
    };
  }, [say, fileText, linkText]);
}

/** The attract screen's picture: a house being drawn. Decoration only. */
function HouseArt() {
  return (
    <svg
      className="kiosk-attract__art"
      viewBox="0 0 240 170"
      width="240"
      height="170"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M10 150 H230" className="kiosk-art__line" strokeWidth={5} strokeLinecap="round" />
      <path
        d="M40 150 V80 L100 36 L160 80 V150 Z"
        className="kiosk-art__device"
        strokeWidth={6}
        strokeLinejoin="round"
      />
      <path
        d="M28 88 L100 30 L172 88"
        fill="none"
        className="kiosk-art__brand-stroke"
        strokeWidth={10}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <rect x={84} y={104} width={32} height={46} className="kiosk-art__brand" />
      <rect x={56} y={92} width={20} height={20} className="kiosk-art__window" strokeWidth={4} />
      <rect x={124} y={92} width={20} height={20} className="kiosk-art__window" strokeWidth={4} />
      <rect x={176} y={108} width={44} height={42} className="kiosk-art__plan" strokeWidth={4} strokeDasharray="7 5" />
      <path
        d="M214 40 L184 100 L178 118 L192 106 L222 46 Z"
        className="kiosk-art__pencil"
        strokeWidth={4}
        strokeLinejoin="round"
      />
    </svg>
  );
}
