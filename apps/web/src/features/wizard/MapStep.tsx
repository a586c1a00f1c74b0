import { useState, type FormEvent } from 'react';
import type L from 'leaflet';
import { FootprintSchema, type Evaluation, type Footprint, type MeasureType } from '@lovisa/domain';
import { bbox, bboxCenter, polygonArea, polygonWithin, rectangleFromDimensions, type Polygon } from '@lovisa/geo';
import { api, type PropertyWithPlans } from '../../api/client';
import { formatArea, formatNumber } from '../../format';
import { Verdict } from '../rules/Verdict';
import { DrawControls } from '../../map/DrawControls';
import { PropertyMap } from '../../map/PropertyMap';
import { useApi } from '../../useApi';
import { useI18n } from '../../i18n/i18n';

/** The map step: draw the building, or give its width and depth; area and problems update as you go. */
export default function MapStep(props: {
  propertyId: string;
  measure: MeasureType;
  footprints: Footprint[];
  /** The rules engine's live verdict on the drawing (null until the property's data has arrived). */
  evaluation: Evaluation | null;
  onChange(f: Footprint[]): void;
}) {
  const { data, error } = useApi(() => api.property(props.propertyId), [props.propertyId]);
  const { t, lang, msg } = useI18n();
  const [width, setWidth] = useState('');
  const [depth, setDepth] = useState('');
  const [rotation, setRotation] = useState('0');
  const [formError, setFormError] = useState<string | null>(null);
  if (error) return <p className="status status--error">{msg(error)}</p>;
  if (!data) return <p>{t('wizard.loadingMap')}</p>;

  const footprint = props.footprints[0];
  const geometry = footprint?.geometry ?? null;
  const setGeometry = (g: Polygon | null) => props.onChange(g ? [{ id: footprint?.id ?? 'byggnad-1', measure: props.measure, geometry: g }] : []);
  const checked = footprint ? FootprintSchema.safeParse(footprint) : null;
  const problems = checked && !checked.success ? [...new Set(checked.error.issues.map((i) => i.message))] : [];
  const [introBefore, introAfter] = t('map.intro').split('{designation}');
  const outside = geometry && problems.length === 0 && !polygonWithin(geometry, data.property.boundary);
  const figures = geometry ? (props.evaluation?.assessment?.figures ?? null) : null;
  const buildingArea = props.evaluation?.compliance?.rules.find((r) => r.code === 'PLAN_BUILDING_AREA');

  function place(e: FormEvent) {
    e.preventDefault();
    const w = Number(width.replace(',', '.'));
    const d = Number(depth.replace(',', '.'));
    const r = Number(rotation.replace(',', '.') || '0');
    if (!(w >= 1 && w <= 100 && d >= 1 && d <= 100)) {
      setFormError(t('map.dimensionsError'));
      return;
    }
    if (!(r >= -360 && r <= 360)) {
      setFormError(t('map.rotationError'));
      return;
    }
    setFormError(null);
    const first: Polygon = { type: 'Polygon', coordinates: data!.property.boundary.coordinates[0]! };
    setGeometry(rectangleFromDimensions(bboxCenter(bbox(first)), w, d, r));
  }

  return (
    <div className="map-step">
      <p>
        {introBefore}
        <strong>{data.property.designation}</strong>
        {introAfter}
      </p>
      <DrawingMap data={data} geometry={geometry} onChange={setGeometry} />
      <div aria-live="polite" className="measurements">
        {geometry ? (
          <p className="measurements__area">
            {t('map.area')} <strong>{formatArea(polygonArea(geometry), lang)}</strong>
          </p>
        ) : (
          <p>{t('map.nothingDrawn')}</p>
        )}
        {problems.map((p) => (
          <p key={msg(p)} className="status status--error">
            {p}
          </p>
        ))}
        {outside && <p className="status status--warning">{t('map.outside')}</p>}
        {figures && figures.distanceToBoundaryM !== null && (
          <p className="measurements__distance">
            {t('map.distance')}{' '}
            <strong>
              {figures.nearestNeighbour
                ? t('map.distanceTo', { distance: `${formatNumber(figures.distanceToBoundaryM, lang)} m`, neighbour: figures.nearestNeighbour })
                : `${formatNumber(figures.distanceToBoundaryM, lang)} m`}
            </strong>
          </p>
        )}
        {buildingArea && (
          <p className="measurements__bya">
            {t('map.buildingArea')}{' '}
            <strong>{t('map.buildingAreaOf', { used: formatArea(Number(buildingArea.value), lang), allowed: formatArea(Number(buildingArea.limit), lang) })}</strong>
          </p>
        )}
      </div>
      {geometry && problems.length === 0 && !outside && props.evaluation && <Verdict evaluation={props.evaluation} />}
      <form className="form dimension-form" onSubmit={place} noValidate>
        <fieldset>
          <legend>{t('map.dimensions')}</legend>
          <p className="field__hint">{t('map.dimensionsHint')}</p>
          <div className="field-row">
            <div className="field">
              <label htmlFor="width">{t('map.width')}</label>
              <input id="width" inputMode="decimal" value={width} onChange={(e) => setWidth(e.target.value)} aria-describedby={formError ? 'dim-error' : undefined} />
            </div>
            <div className="field">
              <label htmlFor="depth">{t('map.depth')}</label>
              <input id="depth" inputMode="decimal" value={depth} onChange={(e) => setDepth(e.target.value)} aria-describedby={formError ? 'dim-error' : undefined} />
            </div>
            <div className="field">
              <label htmlFor="rotation">{t('map.rotation')}</label>
              <input id="rotation" inputMode="decimal" value={rotation} onChange={(e) => setRotation(e.target.value)} aria-describedby={formError ? 'dim-error' : undefined} />
            </div>
          </div>
          {formError && (
            <p className="field__error" id="dim-error" role="alert">
              {formError}
            </p>
          )}
          <button type="submit" className="button">
            {t('map.place')}
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
