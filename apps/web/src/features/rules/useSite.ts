import { useEffect } from 'react';
import { siteFromRegisterData, type Site } from '@lovisa/domain';
import { api } from '../../api/client';

/**
 * Fetches what the rules read about a property (the same API answers the server's check starts from) and
 * hands the assembled site on. A failure leaves the site unknown: the server still judges on submission.
 */
export function useSiteLoader(propertyId: string | undefined, onSite: (propertyId: string, site: Site) => void) {
  useEffect(() => {
    if (!propertyId) return;
    let live = true;
    Promise.all([api.property(propertyId), api.surroundings(propertyId)]).then(
      ([{ property, plans }, { neighbours, features }]) => {
        if (live) onSite(propertyId, siteFromRegisterData({ property, plans, neighbours, features }));
      },
      () => {},
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [propertyId]);
}
