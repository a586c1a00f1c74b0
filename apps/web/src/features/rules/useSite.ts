import { useEffect } from 'react';
import { siteFromRegisterData, siteWithLedger, type Site } from '@lovisa/domain';
import { api } from '../../api/client';
import { afterPaint } from '../../afterPaint';

/**
 * Fetches what the rules read about a property (the same API answers the server's check starts from) and
 * hands the assembled site on. A failure leaves the site unknown: the server still judges on submission.
 * The plot's saved permit-free answers (the allowance ledger) stand on it as they do on the server.
 * With `afterPaint`, asked for once the page has painted: the wizard's verdict follows the step's text, which need
 * not share a slow network with it (the map step's LCP; docs/performance.md, session 10). The measure check asks at
 * once, as before: deferred there, its first step's Next, pressed at once, failed once in CI under load.
 */
export function useSiteLoader(
  propertyId: string | undefined,
  onSite: (propertyId: string, site: Site) => void,
  opts: { afterPaint?: boolean } = {},
) {
  useEffect(() => {
    if (!propertyId) return;
    let live = true;
    const ledger = () =>
      api.allowanceLedger(propertyId).then(
        (l) => l.entries,
        () => [],
      );
    void (opts.afterPaint ? afterPaint() : Promise.resolve())
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
