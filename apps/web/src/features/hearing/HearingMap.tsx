import { useMemo } from 'react';
import type { NeighbourHearingView, Property } from '@lovisa/domain';
import { BuildingsMap } from '../../map/CaseMap';
import { buildingFacts } from '../../map/drawingWarnings';
import { mapSiteFrom } from '../../map/mapSite';

/**
 * The application's drawing, read-only, for a neighbour: the site's boundary and the buildings applied for, from
 * the hearing itself (a neighbour may not look the applicant's property up on their own).
 */
export default function HearingMap({ view }: { view: NeighbourHearingView }) {
  const property: Property | null = useMemo(
    () =>
      view.siteBoundary && {
        id: '00000000-0000-4000-8000-000000000000',
        designation: view.propertyDesignation,
        municipality: '',
        registeredAreaM2: 0,
        boundary: view.siteBoundary,
        planIds: [],
      },
    [view],
  );
  const facts = useMemo(
    () => (property ? buildingFacts(view.footprints, mapSiteFrom(property, [], null)) : []),
    [property, view.footprints],
  );
  if (!property) return null;
  return <BuildingsMap property={property} plans={[]} surroundings={null} facts={facts} />;
}
