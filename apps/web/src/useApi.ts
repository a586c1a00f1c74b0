import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, apiErrorMessage } from './api/client';
import type { Message } from './i18n/i18n';
import { navigate } from './router';

/**
 * Loads data for a view; a 401 sends the visitor to log in and back here afterwards. `error` is a Message:
 * `<Status tone="error">{error}</Status>` renders it in the page's language, also after a language switch.
 */
export function useApi<T>(load: () => Promise<T>, deps: unknown[], opts: { officer?: boolean; initial?: T } = {}) {
  // `initial`: an answer the page already has, not asked for again until `reload` or the deps change.
  const [data, setData] = useState<T | undefined>(opts.initial);
  const hasInitial = useRef(opts.initial !== undefined);
  const [error, setError] = useState<Message | undefined>();
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (hasInitial.current) {
      hasInitial.current = false;
      return;
    }
    let live = true;
    setError(undefined);
    load().then(
      (d) => {
        if (live) startTransition(() => setData(d));
      },
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) {
          // Two calls of one page may both be refused: the first one's redirect is the one that knows the page.
          if (window.location.pathname === '/logga-in') return;
          const next = encodeURIComponent(window.location.pathname);
          navigate(`/logga-in?${opts.officer ? 'roll=handlaggare&' : ''}next=${next}`, { replace: true });
          return;
        }
        setError(apiErrorMessage(e));
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  return { data, error, reload, setData };
}
