// Leaflet first (the map sets it up), then Geoman, which extends the Leaflet it finds; and DrawControls' hook that
// keeps Geoman's vertex markers out of the tab order (they are pointer-only; the typed distances are the fallback).
import { PropertyMap } from '../../map/PropertyMap';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import '../../map/DrawControls';
import { useEffect, useRef, useState } from 'react';
import type L from 'leaflet';
import { Polygon as LeafletPolygon, Polyline } from 'react-leaflet';
import { drawingFacts, type MeasureDrawing, type Site } from '@lovisa/domain';
import type { Position } from '@lovisa/geo';
import { toSweref } from '@lovisa/geo/projection';
import { api } from '../../api/client';
import { useApi } from '../../useApi';
import { useI18n } from '../../i18n/i18n';
import { latLngsToPolygon, lineToLatLngs, polygonToLatLngs } from '../../map/coords';
import { panes } from '../../map/panes';

const drawnStyle: L.PathOptions = { color: '#8a3b00', weight: 4, fillColor: '#f0a35e', fillOpacity: 0.5 };
const mm = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Where the plank, the mur or the altan goes (issue #23): drawn on the plot's map, a line or an area, in
 * Lovisa's own labelled buttons (Geoman's toolbar fails accessibility checks). The distances the rules read are
 * measured from it in SWEREF 99 TM and shown; the typed answers below stay for whoever does not draw.
 */
export function MeasureDrawMap(props: {
  propertyId: string;
  kind: 'line' | 'area';
  drawing: MeasureDrawing | null;
  site: Site | null;
  onDrawing(d: MeasureDrawing | null): void;
}) {
  const { t, lang } = useI18n();
  const { data } = useApi(() => api.property(props.propertyId), [props.propertyId]);
  const [map, setMap] = useState<L.Map | null>(null);
  const [drawingNow, setDrawingNow] = useState(false);
  const cb = useRef(props.onDrawing);
  cb.current = props.onDrawing;

  useEffect(() => {
    if (!map) return;
    map.pm.setLang(lang);
    map.pm.setGlobalOptions({ templineStyle: drawnStyle, hintlineStyle: drawnStyle, pathOptions: drawnStyle });
    const onCreate = (e: { layer: L.Layer }) => {
      map.removeLayer(e.layer);
      setDrawingNow(false);
      if (props.kind === 'area') {
        cb.current(latLngsToPolygon(((e.layer as L.Polygon).getLatLngs() as L.LatLng[][])[0] ?? []));
        return;
      }
      const coordinates = ((e.layer as L.Polyline).getLatLngs() as L.LatLng[]).map(({ lat, lng }): Position => {
        const [x, y] = toSweref([lng, lat]);
        return [mm(x), mm(y)];
      });
      if (coordinates.length >= 2) cb.current({ type: 'LineString', coordinates });
    };
    map.on('pm:create', onCreate);
    return () => {
      map.off('pm:create', onCreate);
      map.pm.disableDraw();
    };
  }, [map, lang, props.kind]);

  const start = () => {
    if (!map) return;
    map.pm.disableDraw();
    setDrawingNow(true);
    if (props.kind === 'line') map.pm.enableDraw('Line', { finishOn: 'dblclick' } as never);
    else map.pm.enableDraw('Polygon', { allowSelfIntersection: false, finishOn: 'dblclick' } as never);
  };
  const measured = props.drawing && props.site ? drawingFacts(props.drawing, props.site) : null;
  const n = (v: number) => v.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 });
  if (!data) return null;
  return (
    <section className="measure-draw" aria-labelledby="mc-draw-heading">
      <h2 id="mc-draw-heading">{t(`mc.draw.heading.${props.kind}`)}</h2>
      <p>{t(`mc.draw.how.${props.kind}`)}</p>
      <PropertyMap
        property={data.property}
        plans={data.plans}
        onMap={setMap}
        className="map map--measure"
        toolbar={
          <div className="map-toolbar no-print">
            <button type="button" className="button" aria-pressed={drawingNow} onClick={start}>
              {t(`mc.draw.start.${props.kind}`)}
            </button>
            {props.drawing && (
              <button type="button" className="button" onClick={() => props.onDrawing(null)}>
                {t('mc.draw.remove')}
              </button>
            )}
          </div>
        }
      >
        {props.drawing?.type === 'LineString' && (
          <Polyline
            pane={panes.buildings}
            positions={lineToLatLngs(props.drawing.coordinates as Position[])}
            pathOptions={drawnStyle}
            className="measure-drawing"
            interactive={false}
            pmIgnore
          />
        )}
        {props.drawing?.type === 'Polygon' && (
          <LeafletPolygon
            pane={panes.buildings}
            positions={polygonToLatLngs(props.drawing)}
            pathOptions={drawnStyle}
            className="measure-drawing"
            interactive={false}
            pmIgnore
          />
        )}
      </PropertyMap>
      <p className="measure-draw__measured" aria-live="polite">
        {measured
          ? [
              measured.distanceToBoundaryM !== undefined &&
                t('mc.draw.toBoundary', { m: n(measured.distanceToBoundaryM) }),
              measured.distanceFromHouseM !== undefined &&
                t('mc.draw.fromHouse', { m: n(measured.distanceFromHouseM) }),
              measured.distanceToPublicLandM !== undefined &&
                t('mc.draw.toPublicLand', { m: n(measured.distanceToPublicLandM) }),
            ]
              .filter(Boolean)
              .join(' ')
          : t('mc.draw.none')}
      </p>
    </section>
  );
}
