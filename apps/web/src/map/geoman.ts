import L from 'leaflet';
import type {} from '@geoman-io/leaflet-geoman-free';

let loading: Promise<void> | undefined;

/**
 * Geoman (and lodash with it) fetched and run when drawing is first wanted, not with the map: its evaluation and
 * the option merging it does for every map and layer made after it were ≈ 50–80 ms of a phone's main thread at
 * load (docs/performance.md, session 9). A failed fetch may be tried again.
 */
export function loadGeoman(): Promise<void> {
  loading ??= Promise.all([
    import('@geoman-io/leaflet-geoman-free'),
    import('@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css'),
  ]).then(
    () => {},
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** Whether Geoman is here (its init hooks then give every map and layer made from now on their `pm`). */
export const geomanLoaded = () => Boolean((L as { PM?: unknown }).PM);

/** A map or layer made before Geoman came: given the `pm` its init hooks would have given it (idempotent). */
export function withPm<T extends L.Layer | L.Map>(layer: T): T {
  if (!(layer as { pm?: unknown }).pm) L.PM.reInitLayer(layer as L.Layer);
  return layer;
}
