import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import L from 'leaflet';
import type { Footprint } from '@lovisa/domain';
import type { MultiPolygon, Polygon } from '@lovisa/geo';
import { useI18n } from '../i18n/i18n';
import { latLngsToPolygon, polygonToLatLngs } from './coords';
import { buildingName } from './drawingText';
import { footprintStyle, selectedFootprintStyle } from './FootprintLayers';
import { fitToProperty } from './PropertyLayers';
import { geomanLoaded, loadGeoman, withPm } from './geoman';

// Geoman's corner handles are Leaflet markers, which Leaflet makes focusable "buttons" without a name. They can
// only be dragged with a pointer, so they stay out of the tab order; keyboard users have the width × depth form.
L.Marker.addInitHook(function (this: L.Marker) {
  if (this.options.icon instanceof L.DivIcon) this.options.keyboard = false;
});

/** A rectangle's angle in degrees: not zero, so Geoman takes its corners on screen (see `start`), yet none. */
const SCREEN_ALIGNED = 1e-9;

type Mode = 'idle' | 'polygon' | 'rectangle' | 'move' | 'rotate' | 'edit';
const drawing = (m: Mode) => m === 'polygon' || m === 'rectangle';

interface Entry {
  layer: L.Polygon;
  /** The geometry the layer shows, as JSON: a footprint that comes back unchanged is not redrawn. */
  key: string;
}

/** Puts one layer in the mode's state: draggable, rotatable, corners editable, or none of them. */
function applyMode(layer: L.Polygon, mode: Mode) {
  const pm = layer.pm;
  if (!pm) return;
  if (pm.enabled()) pm.disable();
  if (pm.layerDragEnabled()) pm.disableLayerDrag();
  if (pm.rotateEnabled()) pm.disableRotate();
  if (mode === 'edit') pm.enable({ allowSelfIntersection: true, draggable: false, snappable: true });
  if (mode === 'move') pm.enableLayerDrag();
  if (mode === 'rotate') pm.enableRotate();
}

/**
 * One footprint's layer: labelled with its name, handing up its outline as it is dragged (at most once a
 * frame) and when the drag ends, and picked by a click or by starting to drag, turn or reshape it.
 */
function footprintLayer(geometry: Polygon, onChange: (layer: L.Polygon) => void, onPick: () => void): L.Polygon {
  const layer = L.polygon(polygonToLatLngs(geometry), { ...footprintStyle, snapIgnore: false });
  layer.bindTooltip('', { permanent: true, direction: 'center', className: 'map-label map-label--building' });
  // Measurements follow a drag as it happens, at most once a frame; the end of it is stored too.
  let frame = 0;
  layer.on('pm:change', () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      onChange(layer);
    });
  });
  layer.on('pm:edit', () => {
    cancelAnimationFrame(frame);
    frame = 0;
    onChange(layer);
  });
  layer.on('click', onPick);
  layer.on('pm:dragstart', onPick);
  layer.on('pm:rotatestart', onPick);
  layer.on('pm:markerdragstart', onPick);
  return layer;
}

/**
 * Brings the layers in line with the footprints: new ones drawn, changed ones redrawn, removed ones gone.
 * True when any layer was added or removed, i.e. the change did not come from a layer itself.
 */
function reconcileLayers(
  group: L.FeatureGroup,
  layers: Map<string, Entry>,
  footprints: Footprint[],
  how: {
    selectedId: string | null;
    mode: Mode;
    name(n: number): string;
    create(id: string, geometry: Polygon): L.Polygon;
  },
): boolean {
  let fromOutside = false;
  const seen = new Set<string>();
  footprints.forEach((f, i) => {
    seen.add(f.id);
    const key = JSON.stringify(f.geometry);
    let entry = layers.get(f.id);
    if (entry && entry.key !== key) {
      applyMode(entry.layer, 'idle');
      group.removeLayer(entry.layer);
      entry = undefined;
    }
    if (!entry) {
      fromOutside = true;
      entry = { layer: how.create(f.id, f.geometry), key };
      layers.set(f.id, entry);
      group.addLayer(entry.layer);
      applyMode(entry.layer, how.mode);
    }
    entry.layer.setStyle(f.id === how.selectedId ? selectedFootprintStyle : footprintStyle);
    entry.layer.setTooltipContent(how.name(i + 1));
  });
  for (const [id, entry] of layers) {
    if (seen.has(id)) continue;
    fromOutside = true;
    applyMode(entry.layer, 'idle');
    group.removeLayer(entry.layer);
    layers.delete(id);
  }
  return fromOutside;
}

interface DrawControlsProps {
  map: L.Map;
  footprints: Footprint[];
  selectedId: string | null;
  boundary: MultiPolygon;
  onSelect(id: string): void;
  onCreate(g: Polygon): void;
  onEdit(id: string, g: Polygon): void;
  onRemove(id: string): void;
}

/**
 * Geoman on the map and one Leaflet layer per footprint, in the current mode. The footprints in EPSG:3006 are
 * the source of truth: each layer is redrawn from its footprint unless the change came from that layer (a
 * drag, a turn, a moved corner), which already shows it. The layers are plain Leaflet and show at once; Geoman
 * comes when a tool is first reached for (`ensureGeoman`), and then takes over the map and the layers drawn.
 */
function useFootprintLayers(props: DrawControlsProps) {
  const { map, footprints, selectedId } = props;
  const group = useRef<L.FeatureGroup>(L.featureGroup());
  const entries = useRef(new Map<string, Entry>());
  const [mode, setMode] = useState<Mode>('idle');
  const modeRef = useRef<Mode>('idle');
  const { t, lang } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const cb = useRef(props);
  cb.current = props;
  /** The map Geoman has been set up on (its options, its language, the layers drawn before it came). */
  const attached = useRef<L.Map | null>(null);
  /** The map while this hook has it (not after the step has gone). */
  const live = useRef<L.Map | null>(null);

  const switchTo = (next: Mode) => {
    modeRef.current = next;
    setMode(next);
    for (const { layer } of entries.current.values()) applyMode(layer, next);
  };

  const attach = useCallback(() => {
    if (attached.current === map || !geomanLoaded()) return;
    attached.current = map;
    withPm(map).pm.setGlobalOptions({
      snappable: true,
      snapDistance: 15,
      templineStyle: footprintStyle,
      hintlineStyle: footprintStyle,
      pathOptions: footprintStyle,
    });
    map.pm.setLang(langRef.current);
    for (const { layer } of entries.current.values()) applyMode(withPm(layer), modeRef.current);
  }, [map]);

  /** Geoman loaded (once) and set up on this map; rejects if it could not be fetched. */
  const ensureGeoman = useCallback(
    () =>
      loadGeoman().then(() => {
        // The map may have gone (another step) while Geoman was on its way.
        if (live.current === map) attach();
      }),
    [map, attach],
  );

  useEffect(() => {
    const g = group.current.addTo(map);
    const layers = entries.current;
    live.current = map;
    // Geoman here already (the step was opened before): set it up now, as a tool would.
    attach();
    const onCreate = (e: { layer: L.Layer }) => {
      // Geoman's own layer goes; the footprint is drawn from the stored geometry like any other.
      map.removeLayer(e.layer);
      modeRef.current = 'idle';
      setMode('idle');
      cb.current.onCreate(latLngsToPolygon(((e.layer as L.Polygon).getLatLngs() as L.LatLng[][])[0] ?? []));
    };
    map.on('pm:create', onCreate);
    // A pointer over the map is the first sign of drawing to come: Geoman is fetched then, ahead of the tool.
    const container = map.getContainer();
    const early = () => void ensureGeoman().catch(() => {});
    container.addEventListener('pointerover', early, { once: true });
    return () => {
      container.removeEventListener('pointerover', early);
      map.off('pm:create', onCreate);
      map.pm?.disableDraw();
      for (const { layer } of layers.values()) applyMode(layer, 'idle');
      layers.clear();
      g.clearLayers();
      g.remove();
      attached.current = null;
      live.current = null;
    };
  }, [map, attach, ensureGeoman]);

  // Geoman's own hints on the map ("Klicka för att placera första hörnet") in the page's language.
  useEffect(() => {
    if (attached.current === map) map.pm.setLang(lang);
  }, [map, lang]);

  useEffect(() => {
    const layers = entries.current;
    /** The layer's outline as a footprint, stored as what it shows, and handed up. */
    const emit = (id: string, layer: L.Polygon) => {
      const poly = latLngsToPolygon((layer.getLatLngs() as L.LatLng[][])[0] ?? []);
      const entry = layers.get(id);
      if (entry) entry.key = JSON.stringify(poly);
      // A permanent label stays where it was opened; it follows the building.
      if ((layer as unknown as { _map?: L.Map })._map) layer.getTooltip()?.setLatLng(layer.getCenter());
      cb.current.onEdit(id, poly);
    };
    const pick = (id: string) => {
      if (!drawing(modeRef.current)) cb.current.onSelect(id);
    };
    const fromOutside = reconcileLayers(group.current, layers, footprints, {
      selectedId,
      mode: modeRef.current,
      name: (n) => buildingName(n, t),
      create: (id, geometry) =>
        footprintLayer(
          geometry,
          (layer) => emit(id, layer),
          () => pick(id),
        ),
    });
    // A building placed from the form (or removed) ends a drawing in progress: otherwise Geoman's half-drawn
    // markers would stay on the map, waiting for clicks nobody means to make.
    if (fromOutside && drawing(modeRef.current)) {
      map.pm?.disableDraw();
      modeRef.current = 'idle';
      setMode('idle');
    }
    if (footprints.length === 0 && modeRef.current !== 'idle' && !drawing(modeRef.current)) {
      modeRef.current = 'idle';
      setMode('idle');
    }
  }, [footprints, selectedId, map, t]);

  return { mode, switchTo, ensureGeoman, ready: () => attached.current === map };
}

/** Geoman driven by Lovisa's own labelled buttons (its toolbar fails accessibility checks). */
export function DrawControls(props: DrawControlsProps) {
  const { map, footprints, selectedId } = props;
  const { mode, switchTo, ensureGeoman, ready } = useFootprintLayers(props);
  const { t } = useI18n();

  /** A tool picked: on at once when Geoman is here, else as soon as it is (the first press is enough). */
  function start(next: Mode) {
    const target = next === mode ? 'idle' : next;
    if (target === 'idle' || ready()) begin(target);
    else
      void ensureGeoman().then(
        () => ready() && begin(target),
        () => {},
      );
  }

  function begin(target: Mode) {
    map.pm?.disableDraw();
    switchTo(target);
    if (target === 'polygon')
      map.pm.enableDraw('Polygon', { allowSelfIntersection: true, finishOn: 'dblclick' } as never);
    // Geoman finishes an unturned rectangle as lat/lng bounds, which on a SWEREF map lean by the meridian
    // convergence (≈ 1,9° here); given any angle it keeps the corners it showed while drawing, taken on screen.
    // A turn far below a micrometre over the building is that: the stored rectangle is straight to the grid.
    if (target === 'rectangle') map.pm.enableDraw('Rectangle', { rectangleAngle: SCREEN_ALIGNED });
  }

  const hint: Record<Mode, string> = {
    idle: footprints.length > 1 ? t('map.hintSelect') : '',
    polygon: t('map.hintPolygon'),
    rectangle: t('map.hintRectangle'),
    move: t('map.hintMove'),
    rotate: t('map.hintRotate'),
    edit: t('map.hintEdit'),
  };
  const none = footprints.length === 0;
  const toggle = (m: Mode, label: string) => (
    <button
      type="button"
      className="button"
      aria-pressed={mode === m}
      disabled={!drawing(m) && none}
      onClick={() => start(m)}
    >
      {mode === m && !drawing(m) ? t('map.editDone') : label}
    </button>
  );

  return (
    <ToolMenu
      label={t('map.tools')}
      active={mode === 'idle' ? null : activeLabel(mode, t)}
      hint={hint[mode]}
      onIntent={() => void ensureGeoman().catch(() => {})}
    >
      {toggle('polygon', t('map.drawPolygon'))}
      {toggle('rectangle', t('map.drawRectangle'))}
      {toggle('move', t('map.move'))}
      {toggle('rotate', t('map.rotate'))}
      {toggle('edit', t('map.edit'))}
      <button
        type="button"
        className="button"
        disabled={!footprints.some((f) => f.id === selectedId)}
        onClick={() => {
          if (drawing(mode)) start('idle');
          if (selectedId) props.onRemove(selectedId);
        }}
      >
        {t('map.remove')}
      </button>
      <button type="button" className="button" onClick={() => fitToProperty(map, props.boundary)}>
        {t('map.fit')}
      </button>
    </ToolMenu>
  );
}

/** The name of the tool in use, for the menu button on a phone (where the tools themselves are folded away). */
function activeLabel(mode: Exclude<Mode, 'idle'>, t: ReturnType<typeof useI18n>['t']): string {
  const names = {
    polygon: t('map.drawPolygon'),
    rectangle: t('map.drawRectangle'),
    move: t('map.move'),
    rotate: t('map.rotate'),
    edit: t('map.edit'),
  } as const;
  return names[mode];
}

/**
 * The tools in a row on a wide screen; on a phone (styles.css) folded into one disclosure button over the map,
 * so the map fills the first screen. Picking a tool folds them again and puts focus back on the button (the
 * picked one is hidden with the rest); Escape does the same.
 */
function ToolMenu(props: {
  label: string;
  active: string | null;
  hint: string;
  /** A pointer or focus on the tools: drawing is near. */
  onIntent(): void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  // Only where the button shows (a phone) do the tools fold; on a wide screen it is display: none.
  const folding = () => Boolean(button.current && button.current.offsetParent !== null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div
      className="draw-controls"
      onPointerOver={props.onIntent}
      onFocus={props.onIntent}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open && folding()) close();
      }}
      // A tap on the map (or anywhere else) folds the menu away, out of the map's way.
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="button draw-controls__menu"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {/* The tool in use, short enough for one line over the map; "Ritverktyg:" still starts its name. */}
        {props.active ? (
          <>
            <span className="visually-hidden">{props.label}: </span>
            {props.active}
          </>
        ) : (
          props.label
        )}
      </button>
      <div
        id={id}
        className={`draw-controls__buttons${open ? ' draw-controls__buttons--open' : ''}`}
        role="toolbar"
        aria-label={props.label}
        onClick={(e) => {
          if (folding() && (e.target as HTMLElement).closest('button')) close();
        }}
      >
        {props.children}
      </div>
      {props.hint && <p className="draw-controls__hint">{props.hint}</p>}
    </div>
  );
}
