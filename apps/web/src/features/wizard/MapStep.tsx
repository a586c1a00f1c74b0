import { useState, type FormEvent } from 'react';
import type L from 'leaflet';
import { FootprintSchema, type Footprint, type MeasureType } from '@lovisa/domain';
import { bbox, bboxCenter, polygonArea, polygonWithin, type Polygon } from '@lovisa/geo';
import { api, type PropertyWithPlans } from '../../api/client';
import { formatArea } from '../../format';
import { DrawControls } from '../../map/DrawControls';
import { PropertyMap } from '../../map/PropertyMap';
import { rectangleAround } from '../../map/coords';
import { useApi } from '../../useApi';

/** The map step: draw the building, or give its width and depth; area and problems update as you go. */
export default function MapStep(props: { propertyId: string; measure: MeasureType; footprints: Footprint[]; onChange(f: Footprint[]): void }) {
  const { data, error } = useApi(() => api.property(props.propertyId), [props.propertyId]);
  const [width, setWidth] = useState('');
  const [depth, setDepth] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  if (error) return <p className="status status--error">{error}</p>;
  if (!data) return <p>Hämtar kartan …</p>;

  const footprint = props.footprints[0];
  const geometry = footprint?.geometry ?? null;
  const setGeometry = (g: Polygon | null) => props.onChange(g ? [{ id: footprint?.id ?? 'byggnad-1', measure: props.measure, geometry: g }] : []);
  const checked = footprint ? FootprintSchema.safeParse(footprint) : null;
  const problems = checked && !checked.success ? [...new Set(checked.error.issues.map((i) => i.message))] : [];
  const outside = geometry && problems.length === 0 && !polygonWithin(geometry, data.property.boundary);

  function place(e: FormEvent) {
    e.preventDefault();
    const w = Number(width.replace(',', '.'));
    const d = Number(depth.replace(',', '.'));
    if (!(w >= 1 && w <= 100 && d >= 1 && d <= 100)) {
      setFormError('Ange bredd och djup i meter, mellan 1 och 100.');
      return;
    }
    setFormError(null);
    const first: Polygon = { type: 'Polygon', coordinates: data!.property.boundary.coordinates[0]! };
    setGeometry(rectangleAround(bboxCenter(bbox(first)), w, d));
  }

  return (
    <div className="map-step">
      <p>
        Rita det du vill bygga på <strong>{data.property.designation}</strong>. Du kan rita fritt, rita en rektangel eller ange måtten nedanför
        kartan.
      </p>
      <DrawingMap data={data} geometry={geometry} onChange={setGeometry} />
      <div aria-live="polite" className="measurements">
        {geometry ? (
          <p className="measurements__area">
            Yta: <strong>{formatArea(polygonArea(geometry))}</strong>
          </p>
        ) : (
          <p>Ingen byggnad ritad ännu.</p>
        )}
        {problems.map((p) => (
          <p key={p} className="status status--error">
            {p}
          </p>
        ))}
        {outside && <p className="status status--warning">Byggnaden ligger utanför fastighetsgränsen. Flytta den eller rita om den.</p>}
      </div>
      <form className="form dimension-form" onSubmit={place} noValidate>
        <fieldset>
          <legend>Ange byggnadens mått i stället</legend>
          <p className="field__hint">Byggnaden placeras mitt på fastigheten. Du kan sedan ändra hörnen på kartan.</p>
          <div className="field-row">
            <div className="field">
              <label htmlFor="width">Bredd (meter)</label>
              <input id="width" inputMode="decimal" value={width} onChange={(e) => setWidth(e.target.value)} aria-describedby={formError ? 'dim-error' : undefined} />
            </div>
            <div className="field">
              <label htmlFor="depth">Djup (meter)</label>
              <input id="depth" inputMode="decimal" value={depth} onChange={(e) => setDepth(e.target.value)} aria-describedby={formError ? 'dim-error' : undefined} />
            </div>
          </div>
          {formError && (
            <p className="field__error" id="dim-error" role="alert">
              {formError}
            </p>
          )}
          <button type="submit" className="button">
            Placera byggnaden
          </button>
        </fieldset>
      </form>
    </div>
  );
}

function DrawingMap({ data, geometry, onChange }: { data: PropertyWithPlans; geometry: Polygon | null; onChange(g: Polygon | null): void }) {
  // The drawing buttons live outside the map's element, where Leaflet's own mouse handling cannot reach them.
  const [map, setMap] = useState<L.Map | null>(null);
  return (
    <PropertyMap
      property={data.property}
      plans={data.plans}
      className="map map--draw"
      onMap={setMap}
      toolbar={map && <DrawControls map={map} geometry={geometry} onChange={onChange} />}
    />
  );
}
