// First: zod's settings must be in place before any chunk that loads zod.
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startPage } from './App';
import { I18nProvider, loadEnglishWhenIdle, loadLanguage, rememberedLang } from './i18n/i18n';
import { SessionProvider } from './session';
import './styles.css';

const pageChunk = startPage(window.location.pathname);

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </I18nProvider>
    </StrictMode>,
  );

// Swedish is in the entry. A browser that chose English last time waits for the English texts before the
// first render (one small request), so nothing flashes in Swedish; if they cannot be fetched, Swedish it is.
// The page's own chunk is waited for too (App.tsx startPage); after a failed one the page renders anyway and
// shows the error.
const english = rememberedLang() === 'en' ? loadLanguage('en') : Promise.resolve();
void Promise.allSettled([english, pageChunk]).then(render);
loadEnglishWhenIdle();
