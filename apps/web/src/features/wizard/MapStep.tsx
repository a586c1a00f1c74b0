import { memo, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type L from 'leaflet';
import {
  placementLimits,
  type ConsentInvitation,
  type Evaluation,
  type Footprint,
  type MeasureType,
  type Site,
  type Surroundings,
} from '@lovisa/domain';
import {
  bbox,
  bboxCenter,
  rectangleAtCorner,
  rectangleFromDimensions,
  type MultiPolygon,
  type Polygon,
} from '@lovisa/geo';
import { api, type PropertyWithPlans } from '../../api/client';
import { formatAreaPlain as formatArea } from '../../numbers';
import { Verdict } from '../rules/Verdict';
import { ConsentVerdictNote } from '../consent/NeighbourConsents';
import { DrawControls } from '../../map/DrawControls';
import { PropertyMap } from '../../map/PropertyMap';
import { BoundaryDistanceLayers } from '../../map/FootprintLayers';
import { buildingFacts, drawingWarnings, type BuildingFacts, type DrawingWarning } from '../../map/drawingWarnings';
import {
  boundaryText,
  buildingName,
  buildingSummary,
  formatMetres,
  warningKey,
  warningText,
  type Translate,
} from '../../map/drawingText';
import { mapSiteFrom, propertySides, type BoundarySide } from '../../map/mapSite';
import { rectangleShape } from '../../map/shape';
import { useApi } from '../../useApi';
import { useI18n, type Lang } from '../../i18n/i18n';

/** The next free id: 'byggnad-1' for the first building, then one above the highest in use. */
function nextId(footprints: Footprint[]): string {
  const used = footprints.map((f) => Number(/^byggnad-(\d+)$/.exec(f.id)?.[1] ?? 0));
  return `byggnad-${Math.max(0, ...used) + 1}`;
}

/** A number as the applicant types it: comma decimals in Swedish, centimetres at most. */
const inputNumber = (v: number, lang: Lang) => {
  const s = String(Math.round(v * 100) / 100);
  return lang === 'sv' ? s.replace('.', ',') : s;
};
const parseNumber = (s: string) => (s.trim() === '' ? NaN : Number(s.trim().replace(',', '.').replace('−', '-')));

type PropertySides = ReturnType<typeof propertySides>;

/**
 * The map step: draw one or more buildings, or give each one's width, depth, rotation and position; area,
 * distance to the boundary and what is wrong update as you go. Memoized: the wizard re-renders on every change of
 * its machine (an autosave's time, attachments, consents), which need not redraw the map.
 */
export default memo(function MapStep(props: {
  propertyId: string;
  measure: MeasureType;
  footprints: Footprint[];
  /** The rules engine's live verdict on the drawing (null until the property's data has arrived). */
  evaluation: Evaluation | null;
  /** The neighbours' consents, for the verdict (with the ridge height and the site, which they are for). */
  invitations: readonly ConsentInvitation[];
  ridgeHeightM: number | undefined;
  site: Site | null;
  onChange(f: Footprint[]): void;
}) {
  const { data, error } = useApi(() => api.property(props.propertyId), [props.propertyId]);
  const { data: around } = useApi(() => api.surroundings(props.propertyId), [props.propertyId]);
  const { t, msg } = useI18n();
  if (error) return <p className="status status--error">{msg(error)}</p>;
  if (!data) return <p className="map-step__loading">{t('wizard.loadingMap')}</p>;
  return <MapStepLoaded {...props} data={data} surroundings={around ?? null} />;
});

/** The width × depth form's fields, as the applicant typed them. */
interface PlacementFields {
  width: string;
  depth: string;
  rotation: string;
  fromSouth: string;
  fromWest: string;
}
type FieldName = keyof PlacementFields;
interface FormError {
  text: string;
  fields: string[];
}

/**
 * The building the form's fields describe, or why they do not describe one. No position places it in the
 * middle of the property; otherwise the distances are from the property's south-west corner.
 */
function placementFrom(
  f: PlacementFields,
  sides: PropertySides,
  boundary: MultiPolygon,
  t: Translate,
): { error: FormError } | { geometry: Polygon } {
  const w = parseNumber(f.width);
  const d = parseNumber(f.depth);
  const r = f.rotation.trim() === '' ? 0 : parseNumber(f.rotation);
  const { sideM, rotationDeg, offsetM } = placementLimits;
  const okSide = (v: number) => v >= sideM.min && v <= sideM.max;
  if (!(okSide(w) && okSide(d))) {
    return {
      error: {
        text: t('map.dimensionsError'),
        fields: [...(okSide(w) ? [] : ['width']), ...(okSide(d) ? [] : ['depth'])],
      },
    };
  }
  if (!(r >= rotationDeg.min && r <= rotationDeg.max))
    return { error: { text: t('map.rotationError'), fields: ['rotation'] } };
  const south = parseNumber(f.fromSouth);
  const west = parseNumber(f.fromWest);
  const noPosition = f.fromSouth.trim() === '' && f.fromWest.trim() === '';
  const okDistance = (v: number) => v >= offsetM.min && v <= offsetM.max;
  if (!noPosition && !(okDistance(south) && okDistance(west))) {
    return {
      error: {
        text: t('map.positionError'),
        fields: [...(okDistance(south) ? [] : ['from-south']), ...(okDistance(west) ? [] : ['from-west'])],
      },
    };
  }
  if (noPosition) {
    const first: Polygon = { type: 'Polygon', coordinates: boundary.coordinates[0]! };
    return { geometry: rectangleFromDimensions(bboxCenter(bbox(first)), w, d, r) };
  }
  return { geometry: rectangleAtCorner([sides.corner[0] + west, sides.corner[1] + south], w, d, r) };
}

/** The form's fields and error, and filling them from a building on the map. */
function usePlacementFields(sides: PropertySides, lang: Lang) {
  const [fields, setFields] = useState<PlacementFields>({
    width: '',
    depth: '',
    rotation: '0',
    fromSouth: '',
    fromWest: '',
  });
  const [formError, setFormError] = useState<FormError | null>(null);
  const setField = (name: FieldName, value: string) => setFields((f) => ({ ...f, [name]: value }));
  /** Fills the form with a building's measurements and position, when it is a rectangle. */
  const fill = (g: Polygon | undefined) => {
    const r = g && rectangleShape(g);
    if (!r) return;
    setFields({
      width: inputNumber(r.widthM, lang),
      depth: inputNumber(r.depthM, lang),
      rotation: inputNumber(Math.round(r.rotationDeg * 10) / 10, lang),
      fromSouth: inputNumber(r.corner[1] - sides.corner[1], lang),
      fromWest: inputNumber(r.corner[0] - sides.corner[0], lang),
    });
  };
  return { fields, setField, formError, setFormError, fill };
}

function MapStepLoaded(props: {
  data: PropertyWithPlans;
  surroundings: Surroundings | null;
  measure: MeasureType;
  footprints: Footprint[];
  evaluation: Evaluation | null;
  invitations: readonly ConsentInvitation[];
  ridgeHeightM: number | undefined;
  site: Site | null;
  onChange(f: Footprint[]): void;
}) {
  const { data, footprints, evaluation } = props;
  const { t, lang } = useI18n();
  const [selectedId, setSelectedId] = useState<string | null>(() => footprints[0]?.id ?? null);

  const site = useMemo(() => mapSiteFrom(data.property, data.plans, props.surroundings), [data, props.surroundings]);
  const sides = useMemo(() => propertySides(site), [site]);
  const facts = useMemo(() => buildingFacts(footprints, site), [footprints, site]);
  const warnings = useMemo(() => drawingWarnings(footprints, site, evaluation), [footprints, site, evaluation]);
  const { fields, setField, formError, setFormError, fill } = usePlacementFields(sides, lang);

  const selected = footprints.find((f) => f.id === selectedId) ?? null;
  const allPlaced = facts.length > 0 && facts.every((f) => f.usable && f.within);

  /** Selects a building: the form then changes that one, and starts from its measurements. */
  function select(id: string | null, geometry?: Polygon) {
    setSelectedId(id);
    setFormError(null);
    fill(geometry ?? footprints.find((f) => f.id === id)?.geometry);
  }

  function create(geometry: Polygon) {
    const id = nextId(footprints);
    props.onChange([...footprints, { id, measure: props.measure, geometry }]);
    select(id, geometry);
  }

  function edit(id: string, geometry: Polygon) {
    props.onChange(footprints.map((f) => (f.id === id ? { ...f, geometry } : f)));
  }

  function remove(id: string) {
    const i = footprints.findIndex((f) => f.id === id);
    const rest = footprints.filter((f) => f.id !== id);
    props.onChange(rest);
    if (id === selectedId) setSelectedId(rest[Math.min(i, rest.length - 1)]?.id ?? null);
  }

  function place(e: FormEvent) {
    e.preventDefault();
    const placed = placementFrom(fields, sides, data.property.boundary, t);
    if ('error' in placed) return setFormError(placed.error);
    setFormError(null);
    if (selected) edit(selected.id, placed.geometry);
    else create(placed.geometry);
  }

  // Inside WizardPage's `.map-step`, after the step's intro (which is there before this chunk is).
  return (
    <>
      <DrawingMap
        data={data}
        surroundings={props.surroundings}
        facts={facts}
        footprints={footprints}
        selectedId={selected?.id ?? null}
        onSelect={(id) => select(id)}
        onCreate={create}
        onEdit={(id, g) => {
          edit(id, g);
          // Moved, turned or reshaped on the map: the form follows, so "Placera" does not undo it.
          if (id === selected?.id) fill(g);
        }}
        onRemove={remove}
      />
      <Measurements facts={facts} warnings={warnings} evaluation={evaluation} />
      <BuildingList facts={facts} selectedId={selected?.id ?? null} onSelect={(id) => select(id)} onRemove={remove} />
      {allPlaced && evaluation && (
        <Verdict
          evaluation={evaluation}
          note={
            <ConsentVerdictNote
              consentFrom={evaluation.assessment?.consentFrom ?? []}
              invitations={props.invitations}
              drawing={{ measure: props.measure, footprints, ridgeHeightM: props.ridgeHeightM }}
              site={props.site}
            />
          }
        />
      )}
      <PlaceByMeasurementsForm
        fields={fields}
        onField={setField}
        formError={formError}
        facts={facts}
        selectedId={selected?.id ?? null}
        sides={sides}
        onTarget={(value) => {
          if (value === 'new') {
            setSelectedId(null);
            setFormError(null);
          } else select(value);
        }}
        onSubmit={place}
      />
    </>
  );
}

/** Area, distance to the boundary, building area against the plan's limit, and what is wrong: read out as it changes. */
function Measurements({
  facts,
  warnings,
  evaluation,
}: {
  facts: BuildingFacts[];
  warnings: DrawingWarning[];
  evaluation: Evaluation | null;
}) {
  const { t, lang } = useI18n();
  const totalArea = facts.reduce((s, f) => s + f.areaM2, 0);
  const nearest = facts
    .filter((f) => f.usable && f.within && f.nearest)
    .sort((a, b) => a.nearest!.distanceM - b.nearest!.distanceM)[0];
  const buildingArea = evaluation?.compliance?.rules.find((r) => r.code === 'PLAN_BUILDING_AREA');
  return (
    <div aria-live="polite" className="measurements">
      {facts.length > 0 ? (
        <p className="measurements__area">
          {t('map.area')}{' '}
          <strong>
            {facts.length === 1
              ? formatArea(totalArea, lang)
              : t('map.areaBuildings', { area: formatArea(totalArea, lang), n: facts.length })}
          </strong>
        </p>
      ) : (
        <p>{t('map.nothingDrawn')}</p>
      )}
      {nearest && <NearestDistance facts={nearest} />}
      {buildingArea && (
        <p className="measurements__bya">
          {t('map.buildingArea')}{' '}
          <strong>
            {t('map.buildingAreaOf', {
              used: formatArea(Number(buildingArea.value), lang),
              allowed: formatArea(Number(buildingArea.limit), lang),
            })}
          </strong>
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="map-warnings">
          {warnings.map((w) => (
            <li key={warningKey(w)} className="status status--warning">
              {warningText(w, t, lang)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The buildings drawn so far, each to select or remove without the map. */
function BuildingList(props: {
  facts: BuildingFacts[];
  selectedId: string | null;
  onSelect(id: string): void;
  onRemove(id: string): void;
}) {
  const { facts, selectedId } = props;
  const { t, lang } = useI18n();
  // A building removed from the list takes its buttons with it: focus goes to the list's heading, not the page.
  const listHeading = useRef<HTMLHeadingElement>(null);
  const focusList = useRef(false);
  useEffect(() => {
    if (!focusList.current) return;
    focusList.current = false;
    listHeading.current?.focus();
  });
  return (
    <section className="buildings" aria-labelledby="buildings-heading">
      <h2 id="buildings-heading" ref={listHeading} tabIndex={-1}>
        {t('map.buildings')}
      </h2>
      {facts.length === 0 ? (
        <p>{t('map.buildingsNone')}</p>
      ) : (
        <ul className="building-list">
          {facts.map((f) => {
            const name = buildingName(f.number, t);
            const isSelected = f.id === selectedId;
            return (
              <li key={f.id} className={`building-list__item${isSelected ? ' building-list__item--selected' : ''}`}>
                <p className="building-list__summary">
                  {buildingSummary(f, t, lang)}
                  {isSelected && <span className="building-list__badge"> {t('map.selected')}</span>}
                </p>
                <div className="building-list__actions">
                  <button
                    type="button"
                    className="button"
                    aria-pressed={isSelected}
                    onClick={() => props.onSelect(f.id)}
                  >
                    {t('map.select', { name })}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      focusList.current = true;
                      props.onRemove(f.id);
                    }}
                  >
                    {t('map.removeBuilding', { name })}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The keyboard's way to draw: a building by width, depth, rotation and distance from two boundaries. */
function PlaceByMeasurementsForm(props: {
  fields: PlacementFields;
  onField(name: FieldName, value: string): void;
  formError: FormError | null;
  facts: BuildingFacts[];
  selectedId: string | null;
  sides: PropertySides;
  onTarget(value: string): void;
  onSubmit(e: FormEvent): void;
}) {
  const { fields, formError, sides } = props;
  const { t } = useI18n();
  const invalid = (field: string) => (formError?.fields.includes(field) ? true : undefined);
  const describedBy = (field: string, extra?: string) =>
    [formError?.fields.includes(field) ? 'dim-error' : null, extra].filter(Boolean).join(' ') || undefined;
  const sideLabel = (
    side: BoundarySide,
    named: 'map.fromSouth' | 'map.fromWest',
    plain: 'map.fromSouthPlain' | 'map.fromWestPlain',
  ) => (side.name ? t(named, { name: side.name }) : t(plain));
  return (
    <form className="form dimension-form" onSubmit={props.onSubmit} noValidate>
      <fieldset>
        <legend>{t('map.dimensions')}</legend>
        <p className="field__hint">{t('map.dimensionsHint')}</p>
        <div className="field">
          <label htmlFor="target">{t('map.target')}</label>
          <select id="target" value={props.selectedId ?? 'new'} onChange={(e) => props.onTarget(e.target.value)}>
            {props.facts.map((f) => (
              <option key={f.id} value={f.id}>
                {buildingName(f.number, t)}
              </option>
            ))}
            <option value="new">{t('map.newBuilding')}</option>
          </select>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="width">{t('map.width')}</label>
            <input
              id="width"
              inputMode="decimal"
              value={fields.width}
              onChange={(e) => props.onField('width', e.target.value)}
              aria-invalid={invalid('width')}
              aria-describedby={describedBy('width')}
            />
          </div>
          <div className="field">
            <label htmlFor="depth">{t('map.depth')}</label>
            <input
              id="depth"
              inputMode="decimal"
              value={fields.depth}
              onChange={(e) => props.onField('depth', e.target.value)}
              aria-invalid={invalid('depth')}
              aria-describedby={describedBy('depth')}
            />
          </div>
          <div className="field">
            <label htmlFor="rotation">{t('map.rotation')}</label>
            <input
              id="rotation"
              inputMode="decimal"
              value={fields.rotation}
              onChange={(e) => props.onField('rotation', e.target.value)}
              aria-invalid={invalid('rotation')}
              aria-describedby={describedBy('rotation')}
            />
          </div>
        </div>
        <fieldset className="position-fields">
          <legend>{t('map.position')}</legend>
          <p className="field__hint" id="position-hint">
            {t('map.positionHint')}
          </p>
          <div className="field-row">
            <div className="field">
              <label htmlFor="from-south">{sideLabel(sides.south, 'map.fromSouth', 'map.fromSouthPlain')}</label>
              <input
                id="from-south"
                inputMode="decimal"
                value={fields.fromSouth}
                onChange={(e) => props.onField('fromSouth', e.target.value)}
                aria-invalid={invalid('from-south')}
                aria-describedby={describedBy('from-south', 'position-hint')}
              />
            </div>
            <div className="field">
              <label htmlFor="from-west">{sideLabel(sides.west, 'map.fromWest', 'map.fromWestPlain')}</label>
              <input
                id="from-west"
                inputMode="decimal"
                value={fields.fromWest}
                onChange={(e) => props.onField('fromWest', e.target.value)}
                aria-invalid={invalid('from-west')}
                aria-describedby={describedBy('from-west', 'position-hint')}
              />
            </div>
          </div>
        </fieldset>
        {formError && (
          <p className="field__error" id="dim-error" role="alert">
            {formError.text}
          </p>
        )}
        <button type="submit" className="button">
          {t('map.place')}
        </button>
      </fieldset>
    </form>
  );
}

/** "Avstånd till tomtgräns: 2,1 m (mot Kjellstavik Eken 1:22)", for the building nearest the boundary. */
function NearestDistance({ facts }: { facts: BuildingFacts }) {
  const { t, lang } = useI18n();
  const distance = `${formatMetres(facts.nearest!.distanceM, lang)} m`;
  const b = facts.boundary;
  return (
    <p className="measurements__distance">
      {t('map.distance')}{' '}
      <strong>
        {b?.name
          ? t('map.distanceTo', { distance, neighbour: b.name })
          : t('map.distanceSide', { distance, boundary: boundaryText(b, t) })}
      </strong>
    </p>
  );
}

function DrawingMap(props: {
  data: PropertyWithPlans;
  surroundings: Surroundings | null;
  facts: BuildingFacts[];
  footprints: Footprint[];
  selectedId: string | null;
  onSelect(id: string): void;
  onCreate(g: Polygon): void;
  onEdit(id: string, g: Polygon): void;
  onRemove(id: string): void;
}) {
  // The drawing buttons live outside the map's element, where Leaflet's own mouse handling cannot reach them.
  const [map, setMap] = useState<L.Map | null>(null);
  const { data } = props;
  // The plot's permit-free buildings already on the allowance (issue #23); the map works without them.
  const { data: ledger } = useApi(() => api.allowanceLedger(data.property.id).catch(() => null), [data.property.id]);
  return (
    <PropertyMap
      ledger={ledger ?? null}
      property={data.property}
      plans={data.plans}
      surroundings={props.surroundings}
      className="map map--draw"
      onMap={setMap}
      hasDistance={props.facts.length > 0}
      toolbar={
        map && (
          <DrawControls
            map={map}
            footprints={props.footprints}
            selectedId={props.selectedId}
            boundary={data.property.boundary}
            onSelect={props.onSelect}
            onCreate={props.onCreate}
            onEdit={props.onEdit}
            onRemove={props.onRemove}
          />
        )
      }
    >
      <BoundaryDistanceLayers facts={props.facts} />
    </PropertyMap>
  );
}
