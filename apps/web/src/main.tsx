// First: zod's settings must be in place before any chunk that loads zod.
import './zodConfig';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startPage } from './App';
import { I18nProvider, loadEnglishWhenIdle, loadLanguage, rememberedLang } from './i18n/i18n';
import { askSession, SessionProvider, type Session } from './session';
import { loadMunicipality } from './components/municipality';
import './styles.css';

/** How long the first render waits for the first answers at most: a slow server does not leave the page blank. */
const FIRST_ANSWERS_AT_MOST_MS = 3000;
const atMost = <T,>(answer: Promise<T>) =>
  Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_ANSWERS_AT_MOST_MS))]);

const pageChunk = startPage(window.location.pathname);
// Every page's first answers, asked for now rather than from the first render's effects (the server names them in
// the page as preloads, so they are usually in before the chunks): the first render has them, and the header is
// drawn once, with the visitor's name and the municipality's own (docs/performance.md, session 12).
const firstAnswers = Promise.all([atMost(askSession()), atMost(loadMunicipality().catch(() => null))]);

// In a transition: React renders the first page in slices, not in one long task a phone's taps wait behind
// (docs/performance.md, session 12).
const render = (first: Session | null) =>
  startTransition(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <I18nProvider>
          <SessionProvider first={first}>
            <App />
          </SessionProvider>
        </I18nProvider>
      </StrictMode>,
    ),
  );

// Swedish is in the entry. A browser that chose English last time waits for the English texts before the
// first render (one small request), so nothing flashes in Swedish; if they cannot be fetched, Swedish it is.
// The page's own chunk is waited for too (App.tsx startPage); after a failed one the page renders anyway and
// shows the error.
const english = rememberedLang() === 'en' ? loadLanguage('en') : Promise.resolve();
void Promise.allSettled([english, pageChunk])
  .then(() => firstAnswers)
  .then(([session]) => render(session));
loadEnglishWhenIdle();
