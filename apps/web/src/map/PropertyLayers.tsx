import { useEffect, useMemo } from 'react';
import { Polygon as LeafletPolygon, useMap } from 'react-leaflet';
import L from 'leaflet';
import type { DetailedPlan, Property } from '@lovisa/domain';
import { multiPolygonToLatLngs } from './coords';

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

export function MapLegend({ hasPlan, hasSurroundings = false }: { hasPlan: boolean; hasSurroundings?: boolean }) {
  return (
    <ul className="map-legend" aria-label="Teckenförklaring">
      <li>
        <span className="swatch swatch--property" aria-hidden="true" /> Din fastighet
      </li>
      {hasPlan && (
        <>
          <li>
            <span className="swatch swatch--prick" aria-hidden="true" /> Prickmark: marken får inte bebyggas
          </li>
          <li>
            <span className="swatch swatch--kors" aria-hidden="true" /> Korsmark: endast komplementbyggnader
          </li>
        </>
      )}
      <li>
        <span className="swatch swatch--building" aria-hidden="true" /> Det du ritar
      </li>
      {hasSurroundings && (
        <>
          <li>
            <span className="swatch swatch--existing" aria-hidden="true" /> Befintlig byggnad
          </li>
          <li>
            <span className="swatch swatch--neighbour" aria-hidden="true" /> Grannfastighet
          </li>
          <li>
            <span className="swatch swatch--water" aria-hidden="true" /> Vatten
          </li>
        </>
      )}
    </ul>
  );
}
