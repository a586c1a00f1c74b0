import 'leaflet/dist/leaflet.css';
import { startTransition, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type L from 'leaflet';
import { MapContainer, ScaleControl, TileLayer, ZoomControl, useMap } from 'react-leaflet';
import type { AllowanceLedger, DetailedPlan, Property, Surroundings } from '@lovisa/domain';
import { SWEREF_TILE_MATRIX } from '@lovisa/geo';
import { api } from '../api/client';
import { useApi } from '../useApi';
import { MapLegend, PROPERTY_PADDING, PropertyLayers, propertyBounds } from './PropertyLayers';
import { LedgerLayers, LedgerLegend, registeredPermitFree } from './LedgerLayers';
import { SurroundingsLayers } from './SurroundingsLayers';
import { ensurePanes } from './panes';
import { MAX_ZOOM, sweref99tm } from './crs';
import './centredLabels';
import { useI18n } from '../i18n/i18n';
import { afterPaint } from '../afterPaint';

/**
 * An optional raster background (an orthophoto or the municipality's base map), configured on the server
 * (MAP_TILE_URL, MAP_TILE_ATTRIBUTION), which also lets its host through the Content-Security-Policy. Its tiles
 * must be cut in SWEREF 99 TM's topowebb matrix (crs.ts), as Lantmäteriet's WMTS serves them. Off when unset,
 * as in every test: the map then needs nothing from outside this server.
 */
let mapConfig: Promise<{ tileUrl: string | null; attribution: string }> | undefined;
export function useTiles() {
  const { data } = useApi(() => (mapConfig ??= api.mapConfig().catch(() => ({ tileUrl: null, attribution: '' }))), []);
  return data?.tileUrl ? { url: data.tileUrl, attribution: data.attribution } : null;
}

/**
 * The offline map of one property (no tiles unless configured: a plain background, the boundary and the plan),
 * framed as a labelled region with its legend. Every map of the service starts from this.
 */
export function PropertyMap(props: {
  property: Property;
  plans: DetailedPlan[];
  className?: string;
  onMap?: (map: L.Map | null) => void;
  children?: ReactNode;
  /** Rendered above the map, outside Leaflet's element (e.g. drawing buttons). */
  toolbar?: ReactNode;
  /** A case's map, seen by applicant or officer: the legend names what was applied for, not "what you draw". */
  readOnly?: boolean;
  /** The surroundings when the caller has them already (null while they load); fetched here otherwise. */
  surroundings?: Surroundings | null;
  /** Footprints are drawn: the legend explains the nearest-boundary line. */
  hasDistance?: boolean;
  /** The plot's allowance ledger: its permit-free buildings drawn, and what each allowance has left in the legend. */
  ledger?: AllowanceLedger | null;
}) {
  const tiles = useTiles();
  const { t } = useI18n();
  const given = props.surroundings !== undefined;
  // The surroundings are context: the map works without them while they load (or if they fail).
  const { data: fetched } = useApi(
    () => (given ? Promise.resolve(null) : api.surroundings(props.property.id)),
    [props.property.id, given],
  );
  const around = given ? props.surroundings : fetched;
  const painted = usePainted();
  const stage = useStagedLayers(3, painted);
  const bounds = useMemo(() => propertyBounds(props.property.boundary), [props.property.boundary]);
  // The map reaches the caller in a render of its own, after the map's task: what the caller puts on it (the
  // drawn buildings and their tools) made in the same task as the map held a phone's main thread ≈ 100 ms at 4× CPU
  // (docs/performance.md, session 13).
  const { onMap } = props;
  const handOver = useCallback((map: L.Map | null) => onMap && startTransition(() => onMap(map)), [onMap]);
  return (
    <figure className="map-figure">
      {props.toolbar}
      <div role="region" aria-label={t('map.region', { designation: props.property.designation })}>
        {/* The map's place, as large as the map, until the page around it is on screen (see usePainted). */}
        {!painted && <div className={props.className ?? 'map'} />}
        {painted && (
          <MapContainer
            ref={handOver}
            className={props.className ?? 'map'}
            crs={sweref99tm}
            // Made with the property in view: one view, not a default one and then the property's.
            bounds={bounds}
            boundsOptions={PROPERTY_PADDING}
            zoomSnap={0.25}
            maxZoom={MAX_ZOOM}
            attributionControl={Boolean(tiles)}
            zoomControl={false}
            // Labels go at once when a building moves: a fading one would linger, empty, for screen readers.
            fadeAnimation={false}
          >
            <MapBasics tiles={tiles} />
            {stage >= 2 && around && <SurroundingsLayers surroundings={around} />}
            {stage >= 1 && <PropertyLayers property={props.property} plans={props.plans} />}
            {stage >= 3 && props.ledger && (
              <LedgerLayers ledger={props.ledger} surroundings={around} propertyId={props.property.id} />
            )}
            {stage >= 3 && props.children}
            <ScaleControl imperial={false} />
          </MapContainer>
        )}
      </div>
      <figcaption>
        <MapLegend
          hasPlan={props.plans.length > 0}
          hasSurroundings={Boolean(around)}
          readOnly={props.readOnly ?? false}
          hasDistance={props.hasDistance ?? false}
        >
          {props.ledger && (
            <LedgerLegend ledger={props.ledger} registered={registeredPermitFree(around, props.property.id).length} />
          )}
        </MapLegend>
      </figcaption>
    </figure>
  );
}

/**
 * The map's layers put on in stages, each in a task of its own: first the map, then the property (what the page is
 * about), then the surroundings, then the rest. In one commit, making the map and every layer held a phone's main
 * thread ≈ 300 ms at once (4× CPU; docs/performance.md, sessions 9 and 11).
 */
function useStagedLayers(last: number, mapMade: boolean): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (!mapMade) return;
    if (stage >= last) return;
    const timer = setTimeout(() => startTransition(() => setStage((s) => s + 1)), 0);
    return () => clearTimeout(timer);
  }, [stage, last, mapMade]);
  return stage;
}

/**
 * Whether the page around the map has been painted: Leaflet measures its element when the map is made, which
 * makes the browser lay out the page right then. Made in the commit that put the page there, the whole page's
 * first layout fell into the map's task (≈ 100 ms of a phone's main thread at 4× CPU, docs/performance.md,
 * session 11); made after the paint, it measures a page already laid out.
 */
function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let live = true;
    void afterPaint().then(() => live && setPainted(true));
    return () => {
      live = false;
    };
  }, []);
  return painted;
}

/**
 * What every map of the service starts with, inside its MapContainer: the panes (created during render, before
 * any layer asks for one: idempotent, and layers add in effects), the configured background if any, and zoom
 * buttons named in the page's language (Leaflet's own are named in English).
 */
export function MapBasics({ tiles }: { tiles: ReturnType<typeof useTiles> }) {
  ensurePanes(useMap());
  const { t, lang } = useI18n();
  return (
    <>
      {tiles && (
        <TileLayer
          url={tiles.url}
          attribution={tiles.attribution}
          maxNativeZoom={SWEREF_TILE_MATRIX.maxLevel}
          maxZoom={MAX_ZOOM}
        />
      )}
      <ZoomControl key={lang} zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
    </>
  );
}
