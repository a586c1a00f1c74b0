import 'leaflet/dist/leaflet.css';
import { Fragment, useMemo } from 'react';
import type { LatLngBoundsExpression } from 'leaflet';
import { CircleMarker, MapContainer, Polygon as LeafletPolygon, Popup, ScaleControl } from 'react-leaflet';
import type { PublicRegisterEntry } from '@lovisa/domain';
import { GET } from '../../api/http';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useApi } from '../../useApi';
import { multiPolygonToLatLngs } from '../../map/coords';
import { MAX_ZOOM, sweref99tm } from '../../map/crs';
import { MapBasics, useTiles } from '../../map/PropertyMap';
import { SurroundingsLayers } from '../../map/SurroundingsLayers';

// Granted in green, refused/dismissed in red, the rest (in handling, withdrawn…) in the service's blue.
const colour: Record<PublicRegisterEntry['status'], string> = {
  received: '#1d4f91',
  granted: '#1f7a3a',
  startApproval: '#1f7a3a',
  refused: '#a4262c',
  startApprovalRefused: '#a4262c',
  dismissed: '#a4262c',
  withdrawn: '#5b6672',
};

/** The offline basemap's extent (Kjellstavik), for a page without any drawn building. */
const KJELLSTAVIK: LatLngBoundsExpression = [
  [59.9675, 17.1436],
  [59.9711, 17.1645],
];

/**
 * The register's entries on the offline map of the municipality (EPSG:3006, as every map of the service): a dot
 * where each building applied for stands, and its drawn outline when zoomed in. The list beside it carries the
 * same facts and is the way to them for keyboard and screen-reader users; the map region says so.
 */
export default function RegisterMap({ entries }: { entries: PublicRegisterEntry[] }) {
  const { t, lang, label } = useI18n();
  const tiles = useTiles();
  const { data: basemap } = useApi(() => GET('/api/public/basemap'), []);
  const placed = entries.filter((e) => e.location);
  const bounds = useMemo<LatLngBoundsExpression>(() => {
    if (placed.length === 0) return KJELLSTAVIK;
    const lats = placed.map((e) => e.location!.wgs84[1]);
    const lngs = placed.map((e) => e.location!.wgs84[0]);
    // About 150 m around the outermost ones, so a lone entry is not shown at the deepest zoom.
    return [
      [Math.min(...lats) - 0.0015, Math.min(...lngs) - 0.003],
      [Math.max(...lats) + 0.0015, Math.max(...lngs) + 0.003],
    ];
  }, [placed]);
  return (
    <figure className="map-figure">
      <div role="region" aria-label={t('register.mapRegion')}>
        <MapContainer
          className="map register-map"
          crs={sweref99tm}
          bounds={bounds}
          zoomSnap={0.25}
          maxZoom={MAX_ZOOM}
          attributionControl={Boolean(tiles)}
          zoomControl={false}
        >
          <MapBasics tiles={tiles} />
          {basemap && <SurroundingsLayers surroundings={{ neighbours: [], features: basemap.features }} />}
          {placed.map((e) => {
            const style = { color: colour[e.status], weight: 2, fillColor: colour[e.status], fillOpacity: 0.5 };
            const [lng, lat] = e.location!.wgs84;
            const popup = (
              <Popup>
                <strong>{e.propertyDesignation}</strong>
                <br />
                {label(e.measureLabel)} – {label(e.statusLabel)}
                <br />
                {e.diaryNumber}, {t('register.col.received').toLowerCase()} {formatDate(e.receivedOn, lang)}
              </Popup>
            );
            return (
              <Fragment key={e.id}>
                {e.footprint && (
                  <LeafletPolygon positions={multiPolygonToLatLngs(e.footprint)} pathOptions={style}>
                    {popup}
                  </LeafletPolygon>
                )}
                <CircleMarker center={[lat, lng]} radius={7} pathOptions={{ ...style, fillOpacity: 0.85 }}>
                  {popup}
                </CircleMarker>
              </Fragment>
            );
          })}
          <ScaleControl imperial={false} />
        </MapContainer>
      </div>
      <figcaption>{t('register.mapNote')}</figcaption>
    </figure>
  );
}
