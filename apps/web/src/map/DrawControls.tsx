import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import type { Polygon } from '@lovisa/geo';
import { useI18n } from '../i18n/i18n';
import { latLngsToPolygon, polygonToLatLngs } from './coords';

const footprintStyle = { color: '#b3261e', weight: 2, fillColor: '#e46962', fillOpacity: 0.5 };

// Geoman's corner handles are Leaflet markers, which Leaflet makes focusable "buttons" without a name. They can
// only be dragged with a pointer, so they stay out of the tab order; keyboard users have the width × depth form.
L.Marker.addInitHook(function (this: L.Marker) {
  if (this.options.icon instanceof L.DivIcon) this.options.keyboard = false;
});
type Mode = 'idle' | 'polygon' | 'rectangle' | 'edit';

/**
 * Geoman driven by Lovisa's own labelled buttons (its toolbar fails accessibility checks). The footprint in
 * EPSG:3006 is the source of truth; Leaflet layers are redrawn from it unless the change came from them.
 */
export function DrawControls({ map, geometry, onChange }: { map: L.Map; geometry: Polygon | null; onChange(g: Polygon | null): void }) {
  const group = useRef<L.FeatureGroup>(L.featureGroup());
  const lastEmitted = useRef<string | null>(null);
  const [mode, setMode] = useState<Mode>('idle');
  const { t, lang } = useI18n();
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  /** An edit of the drawn layer: stored, but not redrawn (the layer already shows it). */
  const emitEdit = useRef((layer: L.Polygon) => {
    const poly = latLngsToPolygon((layer.getLatLngs() as L.LatLng[][])[0] ?? []);
    lastEmitted.current = JSON.stringify(poly);
    onChangeRef.current(poly);
  });

  useEffect(() => {
    const g = group.current.addTo(map);
    map.pm.setGlobalOptions({ snappable: true, snapDistance: 15, templineStyle: footprintStyle, hintlineStyle: footprintStyle, pathOptions: footprintStyle });
    const onCreate = (e: { layer: L.Layer }) => {
      // Geoman's own layer goes; the footprint is redrawn from the stored geometry like any other.
      map.removeLayer(e.layer);
      setMode('idle');
      lastEmitted.current = null;
      onChangeRef.current(latLngsToPolygon(((e.layer as L.Polygon).getLatLngs() as L.LatLng[][])[0] ?? []));
    };
    map.on('pm:create', onCreate);
    return () => {
      map.off('pm:create', onCreate);
      map.pm.disableDraw();
      g.remove();
    };
  }, [map]);

  // Geoman's own hints on the map ("Klicka för att placera första hörnet") in the page's language.
  useEffect(() => {
    map.pm.setLang(lang);
  }, [map, lang]);

  // A footprint placed from the width × depth form (or removed) ends a drawing in progress: otherwise
  // Geoman's half-drawn markers would stay on the map, waiting for clicks nobody means to make.
  const geometryKey = geometry ? JSON.stringify(geometry) : null;
  useEffect(() => {
    if (geometryKey !== null && geometryKey === lastEmitted.current) return;
    map.pm.disableDraw();
    setMode((m) => (m === 'polygon' || m === 'rectangle' ? 'idle' : m));
  }, [geometryKey, map]);

  useEffect(() => {
    const key = geometry ? JSON.stringify(geometry) : null;
    if (key !== null && key === lastEmitted.current) return;
    const g = group.current;
    g.clearLayers();
    if (!geometry) return;
    const layer = L.polygon(polygonToLatLngs(geometry), footprintStyle);
    layer.on('pm:edit', () => emitEdit.current(layer));
    g.addLayer(layer);
    if (mode === 'edit') layer.pm.enable({ allowSelfIntersection: true });
  }, [geometry, mode]);

  function start(next: Mode) {
    map.pm.disableDraw();
    group.current.eachLayer((l) => (l as L.Polygon).pm.disable());
    if (next === mode || next === 'idle') return setMode('idle');
    setMode(next);
    if (next === 'polygon') map.pm.enableDraw('Polygon', { allowSelfIntersection: true, finishOn: 'dblclick' } as never);
    if (next === 'rectangle') map.pm.enableDraw('Rectangle');
    if (next === 'edit') group.current.eachLayer((l) => (l as L.Polygon).pm.enable({ allowSelfIntersection: true }));
  }

  const hint: Record<Mode, string> = {
    idle: '',
    polygon: t('map.hintPolygon'),
    rectangle: t('map.hintRectangle'),
    edit: t('map.hintEdit'),
  };

  return (
    <div className="draw-controls">
      <div className="draw-controls__buttons" role="toolbar" aria-label={t('map.tools')}>
        <button type="button" className="button" aria-pressed={mode === 'polygon'} onClick={() => start('polygon')}>
          {t('map.drawPolygon')}
        </button>
        <button type="button" className="button" aria-pressed={mode === 'rectangle'} onClick={() => start('rectangle')}>
          {t('map.drawRectangle')}
        </button>
        <button type="button" className="button" aria-pressed={mode === 'edit'} disabled={!geometry} onClick={() => start('edit')}>
          {mode === 'edit' ? t('map.editDone') : t('map.edit')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!geometry}
          onClick={() => {
            start('idle');
            onChange(null);
          }}
        >
          {t('map.remove')}
        </button>
      </div>
      {hint[mode] && <p className="draw-controls__hint">{hint[mode]}</p>}
    </div>
  );
}
