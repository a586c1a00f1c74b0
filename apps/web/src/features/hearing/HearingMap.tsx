import { useMemo } from 'react';
import type { NeighbourHearingView, Property } from '@lovisa/domain';
import { PropertyMap } from '../../map/PropertyMap';
import { BoundaryDistanceLayers, FootprintShapes } from '../../map/FootprintLayers';
import { buildingFacts } from '../../map/drawingWarnings';
import { buildingSummary } from '../../map/drawingText';
import { mapSiteFrom } from '../../map/mapSite';
import { useI18n } from '../../i18n/i18n';

/**
 * The application's drawing, read-only, for a neighbour: the site's boundary and the buildings applied for, from
 * the hearing itself (a neighbour may not look the applicant's property up on their own).
 */
export default function HearingMap({ view }: { view: NeighbourHearingView }) {
  const { t, lang } = useI18n();
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
  return (
    <>
      <PropertyMap property={property} plans={[]} surroundings={null} readOnly hasDistance={facts.length > 0}>
        <FootprintShapes facts={facts} />
        <BoundaryDistanceLayers facts={facts} />
      </PropertyMap>
      <ul className="building-summary">
        {facts.map((f) => (
          <li key={f.id}>{buildingSummary(f, t, lang)}</li>
        ))}
      </ul>
    </>
  );
}
