import { useMemo } from 'react';
import type { DetailedPlan, Footprint, Property, Surroundings } from '@lovisa/domain';
import { api } from '../api/client';
import { useApi } from '../useApi';
import { PropertyMap } from './PropertyMap';
import { BoundaryDistanceLayers, FootprintShapes } from './FootprintLayers';
import { buildingFacts, type BuildingFacts } from './drawingWarnings';
import { buildingSummary } from './drawingText';
import { mapSiteFrom } from './mapSite';
import { useI18n } from '../i18n/i18n';

/**
 * Read-only map of a case: the property, its plan and the applied-for buildings, each labelled, with its
 * distance to the nearest boundary drawn and written out. Used by applicant and officer.
 */
export default function CaseMap({ propertyId, footprints }: { propertyId: string; footprints: Footprint[] }) {
  const { data, error } = useApi(() => api.property(propertyId), [propertyId]);
  const { data: around } = useApi(() => api.surroundings(propertyId), [propertyId]);
  const { t, msg } = useI18n();
  const facts = useMemo(
    () => (data ? buildingFacts(footprints, mapSiteFrom(data.property, data.plans, around)) : []),
    [data, around, footprints],
  );
  if (error) return <p className="status status--error">{msg(error)}</p>;
  if (!data) return <p>{t('wizard.loadingMap')}</p>;
  return <BuildingsMap property={data.property} plans={data.plans} surroundings={around ?? null} facts={facts} />;
}

/** A read-only map of a property with the buildings applied for, each labelled and summed up in words below. */
export function BuildingsMap(props: {
  property: Property;
  plans: DetailedPlan[];
  surroundings: Surroundings | null;
  facts: BuildingFacts[];
}) {
  const { t, lang } = useI18n();
  const { facts } = props;
  return (
    <>
      <PropertyMap
        property={props.property}
        plans={props.plans}
        surroundings={props.surroundings}
        readOnly
        hasDistance={facts.length > 0}
      >
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
