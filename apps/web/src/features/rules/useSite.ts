import { useEffect } from 'react';
import { siteFromRegisterData, siteWithLedger, type Site } from '@lovisa/domain';
import { api } from '../../api/client';
import { afterPaint } from '../../afterPaint';

/**
 * Fetches what the rules read about a property (the same API answers the server's check starts from) and
 * hands the assembled site on. A failure leaves the site unknown: the server still judges on submission.
 * The plot's saved permit-free answers (the allowance ledger) stand on it as they do on the server.
 * Asked for once the page has painted: the verdict follows the page's text, which need not share a slow network
 * with it (the map step's LCP; docs/performance.md, session 10).
 */
export function useSiteLoader(propertyId: string | undefined, onSite: (propertyId: string, site: Site) => void) {
  useEffect(() => {
    if (!propertyId) return;
    let live = true;
    const ledger = () =>
      api.allowanceLedger(propertyId).then(
        (l) => l.entries,
        () => [],
      );
    void afterPaint()
      .then(() => (live ? Promise.all([api.property(propertyId), api.surroundings(propertyId), ledger()]) : null))
      .then((answers) => {
        if (!answers) return;
        const [{ property, plans }, { neighbours, features }, entries] = answers;
        const site = siteFromRegisterData({ property, plans, neighbours, features });
        if (live) onSite(propertyId, siteWithLedger(site, entries));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [propertyId]);
}
