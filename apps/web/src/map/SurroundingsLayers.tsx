import { Polygon as LeafletPolygon, Polyline, Tooltip } from 'react-leaflet';
import type { Surroundings } from '@lovisa/domain';
import { multiPolygonToLatLngs, polygonToLatLngs, ringToLatLngs } from './coords';

/** The offline basemap around a property, and its neighbours named: drawn under the property itself. */
export function SurroundingsLayers({ surroundings }: { surroundings: Surroundings }) {
  return (
    <>
      {surroundings.features.map((f, i) => {
        const p = f.properties;
        if (p.kind === 'street' && f.geometry.type === 'LineString') {
          const line = ringToLatLngs([...f.geometry.coordinates, f.geometry.coordinates[0]!]);
          return (
            <Polyline key={i} positions={line} pathOptions={{ color: '#b9b4a8', weight: 14, opacity: 0.9, lineCap: 'butt' }} interactive={false}>
              <Tooltip permanent direction="center" className="map-label map-label--street">
                {p.name}
              </Tooltip>
            </Polyline>
          );
        }
        const shape = f.geometry.type === 'MultiPolygon' ? multiPolygonToLatLngs(f.geometry) : f.geometry.type === 'Polygon' ? polygonToLatLngs(f.geometry) : null;
        if (!shape) return null;
        const style =
          p.kind === 'water'
            ? { color: '#7fa7c9', weight: 1, fillColor: '#b7d3ea', fillOpacity: 1 }
            : p.kind === 'park'
              ? { color: '#8fb38a', weight: 1, fillColor: '#cfe5c8', fillOpacity: 1 }
              : { color: '#6b6b6b', weight: 1, fillColor: '#a9a9a9', fillOpacity: 0.8 };
        return <LeafletPolygon key={i} positions={shape} pathOptions={style} interactive={false} />;
      })}
      {surroundings.neighbours.map((n) => (
        <LeafletPolygon key={n.id} positions={multiPolygonToLatLngs(n.boundary)} pathOptions={{ color: '#5b6672', weight: 1, fillOpacity: 0 }} interactive={false}>
          <Tooltip permanent direction="center" className="map-label">
            {n.designation.replace(/^Kjellstavik /, '')}
          </Tooltip>
        </LeafletPolygon>
      ))}
    </>
  );
}
