import { useEffect, useMemo } from 'react';
import { Polygon as LeafletPolygon, useMap } from 'react-leaflet';
import L from 'leaflet';
import type { DetailedPlan, Property } from '@lovisa/domain';
import { multiPolygonToLatLngs } from './coords';
import { useI18n } from '../i18n/i18n';

/** The property, highlighted, and its plan's prickmark (no building) and korsmark (outbuildings only). */
export function PropertyLayers({ property, plans }: { property: Property; plans: DetailedPlan[] }) {
  const map = useMap();
  const boundary = useMemo(() => multiPolygonToLatLngs(property.boundary), [property]);
  useEffect(() => {
    map.fitBounds(L.latLngBounds(boundary.flat(2)), { padding: [24, 24] });
  }, [map, boundary]);
  return (
    <>
      {plans.map((plan) => (
        <span key={plan.id}>
          {plan.prickmark && (
            <LeafletPolygon
              positions={multiPolygonToLatLngs(plan.prickmark)}
              pathOptions={{ color: '#8a4b08', weight: 1, dashArray: '2 4', fillColor: '#c27c2c', fillOpacity: 0.25 }}
              interactive={false}
            />
          )}
          {plan.korsmark && (
            <LeafletPolygon
              positions={multiPolygonToLatLngs(plan.korsmark)}
              pathOptions={{ color: '#35607a', weight: 1, dashArray: '6 3', fillColor: '#6b9bb8', fillOpacity: 0.2 }}
              interactive={false}
            />
          )}
        </span>
      ))}
      <LeafletPolygon positions={boundary} pathOptions={{ color: '#1d4f91', weight: 3, fillColor: '#dbe8f7', fillOpacity: 0.35 }} interactive={false} />
    </>
  );
}

export function MapLegend({ hasPlan, hasSurroundings = false, readOnly = false }: { hasPlan: boolean; hasSurroundings?: boolean; readOnly?: boolean }) {
  const { t } = useI18n();
  return (
    <ul className="map-legend" aria-label={t('map.legend')}>
      <li>
        <span className="swatch swatch--property" aria-hidden="true" /> {t(readOnly ? 'map.legend.property' : 'map.legend.yourProperty')}
      </li>
      {hasPlan && (
        <>
          <li>
            <span className="swatch swatch--prick" aria-hidden="true" /> {t('map.legend.prick')}
          </li>
          <li>
            <span className="swatch swatch--kors" aria-hidden="true" /> {t('map.legend.kors')}
          </li>
        </>
      )}
      <li>
        <span className="swatch swatch--building" aria-hidden="true" /> {t(readOnly ? 'map.legend.applied' : 'map.legend.drawn')}
      </li>
      {hasSurroundings && (
        <>
          <li>
            <span className="swatch swatch--existing" aria-hidden="true" /> {t('map.legend.existing')}
          </li>
          <li>
            <span className="swatch swatch--neighbour" aria-hidden="true" /> {t('map.legend.neighbour')}
          </li>
          <li>
            <span className="swatch swatch--water" aria-hidden="true" /> {t('map.legend.water')}
          </li>
        </>
      )}
    </ul>
  );
}
