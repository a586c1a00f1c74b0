import { Polygon as LeafletPolygon } from 'react-leaflet';
import type { Footprint } from '@lovisa/domain';
import { api } from '../api/client';
import { useApi } from '../useApi';
import { polygonToLatLngs } from './coords';
import { PropertyMap } from './PropertyMap';
import { useI18n } from '../i18n/i18n';

/** Read-only map of a case: the property, its plan and the drawn footprints. Used by applicant and officer. */
export default function CaseMap({ propertyId, footprints }: { propertyId: string; footprints: Footprint[] }) {
  const { data, error } = useApi(() => api.property(propertyId), [propertyId]);
  const { t, msg } = useI18n();
  if (error) return <p className="status status--error">{msg(error)}</p>;
  if (!data) return <p>{t('wizard.loadingMap')}</p>;
  return (
    <PropertyMap property={data.property} plans={data.plans} readOnly>
      {footprints.map((f) => (
        <LeafletPolygon key={f.id} positions={polygonToLatLngs(f.geometry)} pathOptions={{ color: '#b3261e', weight: 2, fillColor: '#e46962', fillOpacity: 0.5 }} />
      ))}
    </PropertyMap>
  );
}
