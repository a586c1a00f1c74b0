import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Polygon as LeafletPolygon, useMap } from 'react-leaflet';
import L from 'leaflet';
import type { DetailedPlan, Property } from '@lovisa/domain';
import type { MultiPolygon } from '@lovisa/geo';
import { multiPolygonToLatLngs } from './coords';
import { panes } from './panes';
import { useI18n } from '../i18n/i18n';

// Swedish plan maps draw prickmark dotted and korsmark cross-hatched; so does this map (patterns in panes.ts).
// The styles are constants: react-leaflet restyles a layer whenever its pathOptions object changes, and a
// restyle would be harmless but wasted on every redraw of the drawing.
const prickStyle: L.PathOptions = {
  color: '#8a4b08',
  weight: 1,
  dashArray: '2 4',
  fillColor: 'url(#lovisa-prick)',
  fillOpacity: 0.7,
};
const korsStyle: L.PathOptions = {
  color: '#35607a',
  weight: 1,
  dashArray: '6 3',
  fillColor: 'url(#lovisa-kors)',
  fillOpacity: 0.6,
};
const propertyFill: L.PathOptions = { stroke: false, fillColor: '#dbe8f7', fillOpacity: 0.35 };
const boundaryLine: L.PathOptions = { color: '#1d4f91', weight: 3, fill: false };

/** Frames the property with a margin: on load, and from the "show the whole property" button. */
export function fitToProperty(map: L.Map, boundary: MultiPolygon) {
  map.fitBounds(propertyBounds(boundary), PROPERTY_PADDING);
}

export const propertyBounds = (boundary: MultiPolygon): L.LatLngBounds =>
  L.latLngBounds(multiPolygonToLatLngs(boundary).flat(2));
/** Room around the property when the map frames it. */
export const PROPERTY_PADDING: L.FitBoundsOptions = { padding: [24, 24] };

/** The property, highlighted, and its plan's prickmark (no building) and korsmark (outbuildings only). */
export function PropertyLayers({ property, plans }: { property: Property; plans: DetailedPlan[] }) {
  const map = useMap();
  const boundary = useMemo(() => multiPolygonToLatLngs(property.boundary), [property]);
  const areas = useMemo(
    () =>
      plans.map((plan) => ({
        id: plan.id,
        prick: plan.prickmark && multiPolygonToLatLngs(plan.prickmark),
        kors: plan.korsmark && multiPolygonToLatLngs(plan.korsmark),
      })),
    [plans],
  );
  // PropertyMap makes the map framing its property; another property shown on the same map is framed here.
  const framed = useRef(property.boundary);
  useEffect(() => {
    if (framed.current === property.boundary) return;
    framed.current = property.boundary;
    fitToProperty(map, property.boundary);
  }, [map, property.boundary]);
  return (
    <>
      {areas.map((plan) => (
        <span key={plan.id}>
          {plan.prick && (
            <LeafletPolygon
              pane={panes.plan}
              positions={plan.prick}
              pathOptions={prickStyle}
              interactive={false}
              pmIgnore
              snapIgnore={false}
            />
          )}
          {plan.kors && (
            <LeafletPolygon
              pane={panes.plan}
              positions={plan.kors}
              pathOptions={korsStyle}
              interactive={false}
              pmIgnore
              snapIgnore={false}
            />
          )}
        </span>
      ))}
      <LeafletPolygon
        pane={panes.property}
        positions={boundary}
        pathOptions={propertyFill}
        interactive={false}
        pmIgnore
        snapIgnore
      />
      {/* Snappable, like the plan areas above: a corner drawn near the boundary lands on it. */}
      <LeafletPolygon
        pane={panes.boundary}
        positions={boundary}
        pathOptions={boundaryLine}
        interactive={false}
        pmIgnore
        snapIgnore={false}
      />
    </>
  );
}

export function MapLegend({
  hasPlan,
  hasSurroundings = false,
  readOnly = false,
  hasDistance = false,
  children,
}: {
  hasPlan: boolean;
  hasSurroundings?: boolean;
  readOnly?: boolean;
  /** A building is drawn: the nearest boundary and the distance line are on the map. */
  hasDistance?: boolean;
  /** More lines (the allowance ledger's). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ul className="map-legend" aria-label={t('map.legend')}>
      <li>
        <span className="swatch swatch--property" aria-hidden="true" />{' '}
        {t(readOnly ? 'map.legend.property' : 'map.legend.yourProperty')}
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
        <span className="swatch swatch--building" aria-hidden="true" />{' '}
        {t(readOnly ? 'map.legend.applied' : 'map.legend.drawn')}
      </li>
      {hasDistance && (
        <li>
          <span className="swatch swatch--nearest" aria-hidden="true" /> {t('map.legend.nearest')}
        </li>
      )}
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
      {children}
    </ul>
  );
}
