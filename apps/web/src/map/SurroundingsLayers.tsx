import { Polygon as LeafletPolygon, Polyline, Tooltip } from 'react-leaflet';
import type L from 'leaflet';
import type { PublicBasemapFeature, Surroundings } from '@lovisa/domain';
import { multiPolygonToLatLngs, polygonToLatLngs, ringToLatLngs } from './coords';
import { panes } from './panes';

// Constant styles: react-leaflet restyles a layer whenever its pathOptions object is new.
const streetStyle: L.PathOptions = { color: '#b9b4a8', weight: 14, opacity: 0.9, lineCap: 'butt' };
const waterStyle: L.PathOptions = { color: '#7fa7c9', weight: 1, fillColor: '#b7d3ea', fillOpacity: 1 };
const parkStyle: L.PathOptions = { color: '#8fb38a', weight: 1, fillColor: '#cfe5c8', fillOpacity: 1 };
const buildingStyle: L.PathOptions = { color: '#6b6b6b', weight: 1, fillColor: '#a9a9a9', fillOpacity: 0.8 };
const neighbourStyle: L.PathOptions = { color: '#5b6672', weight: 1, fillOpacity: 0 };

/**
 * The offline basemap around a property, and its neighbours named: drawn under the property itself. Only
 * existing buildings are snapping targets for the drawing (with the boundary); streets and water are not.
 */
export function SurroundingsLayers({
  surroundings,
}: {
  /** The public register's map draws the public basemap: buildings as bare shapes, and no neighbours. */
  surroundings: Pick<Surroundings, 'neighbours'> & { features: PublicBasemapFeature[] };
}) {
  return (
    <>
      {surroundings.features.map((f, i) => {
        const p = f.properties;
        if (p.kind === 'street' && f.geometry.type === 'LineString') {
          const line = ringToLatLngs([...f.geometry.coordinates, f.geometry.coordinates[0]!]);
          return (
            <Polyline
              key={i}
              pane={panes.ground}
              positions={line}
              pathOptions={streetStyle}
              interactive={false}
              pmIgnore
              snapIgnore
            >
              <Tooltip permanent direction="center" className="map-label map-label--street">
                {p.name}
              </Tooltip>
            </Polyline>
          );
        }
        const shape =
          f.geometry.type === 'MultiPolygon'
            ? multiPolygonToLatLngs(f.geometry)
            : f.geometry.type === 'Polygon'
              ? polygonToLatLngs(f.geometry)
              : null;
        if (!shape) return null;
        const building = p.kind === 'building';
        const style = p.kind === 'water' ? waterStyle : p.kind === 'park' ? parkStyle : buildingStyle;
        return (
          <LeafletPolygon
            key={i}
            pane={building ? panes.buildings : panes.ground}
            positions={shape}
            pathOptions={style}
            interactive={false}
            pmIgnore
            snapIgnore={!building}
          />
        );
      })}
      {surroundings.neighbours.map((n) => (
        <LeafletPolygon
          key={n.id}
          pane={panes.ground}
          positions={multiPolygonToLatLngs(n.boundary)}
          pathOptions={neighbourStyle}
          interactive={false}
          pmIgnore
          snapIgnore
        >
          <Tooltip permanent direction="center" className="map-label">
            {n.designation.replace(/^Kjellstavik /, '')}
          </Tooltip>
        </LeafletPolygon>
      ))}
    </>
  );
}
