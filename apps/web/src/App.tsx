import { lazy, Suspense } from 'react';
import { Layout, PageTitle } from './components/Layout';
import { StartPage } from './features/start/StartPage';
import { LoginPage } from './features/login/LoginPage';
import { AccessibilityStatement, PrivacyNotice } from './features/legal/LegalPages';
import { loadSwedish, useI18n, withTexts } from './i18n/i18n';
import { Link, useLocation } from './router';
import { useSession } from './session';
import { kioskFace } from './features/kiosk/mode';
import { askWizardAnswersEarly } from './api/early';
import { isWizardPath, WIZARD_PATH } from './wizardPath';

// Everything behind login is split from the entry: the start and login pages stay small on old phones. Each page
// comes with all of the Swedish texts (the entry has only the first screens' ones: i18n.tsx).
let wizardChunk: Promise<typeof import('./features/wizard/WizardPage')> | undefined;
const loadWizardPage = () => (wizardChunk ??= withTexts(() => import('./features/wizard/WizardPage'))());
const WizardPage = lazy(loadWizardPage);
const MyCasesPage = lazy(withTexts(() => import('./features/cases/MyCasesPage')));
const MeasureCheckPage = lazy(withTexts(() => import('./features/measureCheck/MeasureCheckPage')));
const MyCasePage = lazy(withTexts(() => import('./features/cases/MyCasePage')));
const KontrollansvarigPage = lazy(withTexts(() => import('./features/afterPermit/KontrollansvarigPage')));
const QueuePage = lazy(withTexts(() => import('./features/officer/QueuePage')));
const OfficerCasePage = lazy(withTexts(() => import('./features/officer/OfficerCasePage')));
// Statistics (issue #25): its own chunk, never in the applicant's entry.
const StatisticsPage = lazy(withTexts(() => import('./features/statistics/StatisticsPage')));
// Decisions above delegation: the board's meetings and agendas (issue #22).
const CommitteePage = lazy(withTexts(() => import('./features/committee/CommitteePage')));
const CommitteeAgendaPage = lazy(
  withTexts(() => import('./features/committee/CommitteePage').then((m) => ({ default: m.CommitteeAgendaPage }))),
);
// A neighbour's side of a hearing (issue 19): the letter's code, then what they were sent.
const HearingCodePage = lazy(withTexts(() => import('./features/hearing/HearingCodePage')));
const NeighbourHearingPage = lazy(withTexts(() => import('./features/hearing/NeighbourHearingPage')));
// The demo's mailbox (the API exists only with the BankID simulator).
// A neighbour's consent with BankID (issue 19): the invited owner's page, opened from a link or a letter.
const ConsentPage = lazy(withTexts(() => import('./features/consent/ConsentPage')));
// A co-owner's signing link (issue #20).
const PartySignPage = lazy(withTexts(() => import('./features/parties/PartySignPage')));
// Powers of attorney (issue #20, ADR 0023): the owner gives and revokes them; the agent sees what they hold.
const PowersPage = lazy(withTexts(() => import('./features/powers/PowersPage')));
const OutboxPage = lazy(withTexts(() => import('./features/dev/OutboxPage')));
// The public anslagstavla of announced permits (issue #19).
const AnslagstavlaPage = lazy(withTexts(() => import('./features/notice/AnslagstavlaPage')));
// The public register of permit cases, list and map (issue #25).
const RegisterPage = lazy(withTexts(() => import('./features/register/RegisterPage')));
// The town-hall kiosk's face (issue 9): its own shell, loaded only at /kiosk or for a kiosk session.
// A remiss body's side (issue #22): the link in its e-mail.
const ConsultationPage = lazy(withTexts(() => import('./features/consultation/ConsultationPage')));
const KioskApp = lazy(withTexts(() => import('./features/kiosk/KioskApp')));

// The server answers 404 for any page address not in @lovisa/domain's APP_PAGE_PATTERNS: add a page there too.
function route(path: string) {
  let m: RegExpMatchArray | null;
  if (path === '/') return <StartPage />;
  if (path === '/logga-in') return <LoginPage />;
  if (path === '/tillganglighet') return <AccessibilityStatement />;
  if (path === '/personuppgifter') return <PrivacyNotice />;
  if (isWizardPath(path)) return <WizardPage />;
  if (path === '/vad-vill-du-gora') return <MeasureCheckPage />;
  if (path === '/mina-arenden') return <MyCasesPage />;
  if (path === '/fullmakter') return <PowersPage />;
  if ((m = path.match(/^\/mina-arenden\/([0-9a-f-]{36})$/))) return <MyCasePage id={m[1]!} />;
  if ((m = path.match(/^\/kontrollansvarig\/([0-9a-f-]{36})$/))) return <KontrollansvarigPage id={m[1]!} />;
  if (path === '/handlaggare') return <QueuePage />;
  if (path === '/handlaggare/statistik') return <StatisticsPage />;
  if (path === '/handlaggare/namnd') return <CommitteePage />;
  if ((m = path.match(/^\/handlaggare\/namnd\/([0-9a-f-]{36})$/))) return <CommitteeAgendaPage id={m[1]!} />;
  if ((m = path.match(/^\/handlaggare\/arenden\/([0-9a-f-]{36})$/))) return <OfficerCasePage id={m[1]!} />;
  if (path === '/dev/e-post') return <OutboxPage />;
  if (path === '/anslagstavla') return <AnslagstavlaPage />;
  if (path === '/bygglovsregister') return <RegisterPage />;
  if ((m = path.match(/^\/medgivande\/([A-Za-z0-9_-]{22,64})$/))) return <ConsentPage code={m[1]!} />;
  if ((m = path.match(/^\/underskrift\/([A-Za-z0-9_-]{32})$/))) return <PartySignPage code={m[1]!} />;
  if (path === '/underrattelse') return <HearingCodePage />;
  if ((m = path.match(/^\/underrattelse\/([0-9A-Za-z-]{8,20})$/))) return <NeighbourHearingPage code={m[1]!} />;
  if ((m = path.match(/^\/remiss\/([A-Za-z0-9_-]{32})$/))) return <ConsultationPage token={m[1]!} />;
  return <NotFound />;
}

/**
 * What the page at `path` needs first, asked for by the entry before its first render: the wizard's chunk, then
 * its first answers (api/early.ts), so the chunk's request goes out first. Resolves when the page's chunk is in
 * (at once for pages in the entry); main.tsx renders then, so a phone does not paint the header and "Laddar…" and
 * then, in a second long task, evaluate the wizard's code while the user already looks at the page.
 */
export function startPage(path: string): Promise<unknown> {
  if (!isWizardPath(path)) return Promise.resolve();
  // The page's HTML has asked for both chunks already (modulepreload): the Swedish texts are evaluated first and
  // the wizard's code after, in two tasks, not in one long one (docs/performance.md, session 13).
  wizardChunk ??= loadSwedish().then(() => import('./features/wizard/WizardPage'));
  const chunk = wizardChunk;
  askWizardAnswersEarly();
  return chunk;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page">
      <PageTitle>{t('common.notFoundTitle')}</PageTitle>
      <p>
        <Link href="/">{t('common.toStart')}</Link>
      </p>
    </div>
  );
}

export function App() {
  const { path } = useLocation();
  const { session } = useSession();
  const { t } = useI18n();
  if (kioskFace(path, session?.kiosk)) {
    return (
      <Suspense fallback={<p className="page">{t('common.loading')}</p>}>
        <KioskApp />
      </Suspense>
    );
  }
  return (
    <Layout>
      <Suspense fallback={<p className="page">{t('common.loading')}</p>}>
        {/* The wizard keeps one page across its steps' addresses; every other address is a page of its own. */}
        <div key={isWizardPath(path) ? WIZARD_PATH : path}>{route(path)}</div>
      </Suspense>
    </Layout>
  );
}
