import { Fragment } from 'react';
import { Polygon as LeafletPolygon, Polyline, Tooltip } from 'react-leaflet';
import type L from 'leaflet';
import { lineToLatLngs, polygonToLatLngs } from './coords';
import { panes } from './panes';
import type { BuildingFacts } from './drawingWarnings';
import { buildingName, formatMetres } from './drawingText';
import { useI18n } from '../i18n/i18n';

export const footprintStyle: L.PathOptions = { color: '#b3261e', weight: 2, fillColor: '#e46962', fillOpacity: 0.5 };
export const selectedFootprintStyle: L.PathOptions = {
  color: '#7a1a14',
  weight: 4,
  fillColor: '#e46962',
  fillOpacity: 0.6,
};
const segmentStyle: L.PathOptions = { color: '#e8590c', weight: 6, opacity: 0.85, lineCap: 'butt' };
const dimensionStyle: L.PathOptions = { color: '#1b1f24', weight: 2, dashArray: '5 4' };

/**
 * For each building: the boundary segment nearest to it, highlighted, and a dimension line from the building
 * to that segment with its length. Not snapping targets, not clickable: they only explain.
 */
export function BoundaryDistanceLayers({ facts }: { facts: BuildingFacts[] }) {
  const { lang } = useI18n();
  return (
    <>
      {facts.map((f) => {
        const n = f.nearest;
        if (!n || !f.within) return null;
        return (
          <Fragment key={f.id}>
            <Polyline
              pane={panes.measure}
              positions={lineToLatLngs(n.segment)}
              pathOptions={segmentStyle}
              interactive={false}
              pmIgnore
              snapIgnore
            />
            {n.distanceM > 0 && (
              // Keyed by its ends: a permanent tooltip stays where it was opened, so a moved line is a new one.
              <Polyline
                key={`${n.from.join()}-${n.to.join()}`}
                pane={panes.measure}
                positions={lineToLatLngs([n.from, n.to])}
                pathOptions={dimensionStyle}
                interactive={false}
                pmIgnore
                snapIgnore
              >
                <Tooltip permanent direction="center" className="map-label map-label--distance">
                  {formatMetres(n.distanceM, lang)} m
                </Tooltip>
              </Polyline>
            )}
          </Fragment>
        );
      })}
    </>
  );
}

/** The applied-for buildings of a case, each labelled "Byggnad 1", "Byggnad 2", … (read-only). */
export function FootprintShapes({ facts }: { facts: BuildingFacts[] }) {
  const { t } = useI18n();
  return (
    <>
      {facts.map((f) => (
        <LeafletPolygon
          key={f.id}
          positions={polygonToLatLngs(f.geometry)}
          pathOptions={footprintStyle}
          interactive={false}
          pmIgnore
          snapIgnore
        >
          <Tooltip permanent direction="center" className="map-label map-label--building">
            {buildingName(f.number, t)}
          </Tooltip>
        </LeafletPolygon>
      ))}
    </>
  );
}
