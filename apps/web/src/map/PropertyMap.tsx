import 'leaflet/dist/leaflet.css';
import type { ReactNode } from 'react';
import type L from 'leaflet';
import { MapContainer, ScaleControl, ZoomControl } from 'react-leaflet';
import type { DetailedPlan, Property } from '@lovisa/domain';
import { api } from '../api/client';
import { useApi } from '../useApi';
import { MapLegend, PropertyLayers } from './PropertyLayers';
import { SurroundingsLayers } from './SurroundingsLayers';
import { useI18n } from '../i18n/i18n';

/**
 * The offline map of one property (no tiles: a plain background, the boundary and the plan), framed as a
 * labelled region with its legend. Every map of the service starts from this.
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
}) {
  const { t, lang } = useI18n();
  // The surroundings are context: the map works without them while they load (or if they fail).
  const { data: around } = useApi(() => api.surroundings(props.property.id), [props.property.id]);
  return (
    <figure className="map-figure">
      {props.toolbar}
      <div role="region" aria-label={t('map.region', { designation: props.property.designation })}>
        <MapContainer ref={props.onMap} className={props.className ?? 'map'} center={[60, 17]} zoom={17} zoomSnap={0.25} attributionControl={false} zoomControl={false}>
          {/* Leaflet's own zoom buttons are named in English; these follow the page's language. */}
          <ZoomControl key={lang} zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
          {around && <SurroundingsLayers surroundings={around} />}
          <PropertyLayers property={props.property} plans={props.plans} />
          {props.children}
          <ScaleControl imperial={false} />
        </MapContainer>
      </div>
      <figcaption>
        <MapLegend hasPlan={props.plans.length > 0} hasSurroundings={Boolean(around)} readOnly={props.readOnly ?? false} />
      </figcaption>
    </figure>
  );
}
