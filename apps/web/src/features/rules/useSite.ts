import { useEffect } from 'react';
import { siteFromRegisterData, siteWithLedger, type Site } from '@lovisa/domain';
import { api } from '../../api/client';

/**
 * Fetches what the rules read about a property (the same API answers the server's check starts from) and
 * hands the assembled site on. A failure leaves the site unknown: the server still judges on submission.
 * The plot's saved permit-free answers (the allowance ledger) stand on it as they do on the server.
 */
export function useSiteLoader(propertyId: string | undefined, onSite: (propertyId: string, site: Site) => void) {
  useEffect(() => {
    if (!propertyId) return;
    let live = true;
    const ledger = api.allowanceLedger(propertyId).then(
      (l) => l.entries,
      () => [],
    );
    Promise.all([api.property(propertyId), api.surroundings(propertyId), ledger]).then(
      ([{ property, plans }, { neighbours, features }, entries]) => {
        const site = siteFromRegisterData({ property, plans, neighbours, features });
        if (live) onSite(propertyId, siteWithLedger(site, entries));
      },
      () => {},
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [propertyId]);
}
