import { useMemo } from 'react';
import { Polygon as LeafletPolygon } from 'react-leaflet';
import type L from 'leaflet';
import type { AllowanceLedger, Surroundings } from '@lovisa/domain';
import type { Polygon } from '@lovisa/geo';
import { formatDecimal } from '../numbers';
import { polygonToLatLngs } from './coords';
import { panes } from './panes';
import { useI18n } from '../i18n/i18n';

// The plot's permit-free buildings, as the allowance counts them (issue #23): Lovisa's saved answers dashed green,
// the register's friggebodar and attefallshus outlined green over their grey. Constants, as in PropertyLayers.
const savedStyle: L.PathOptions = {
  color: '#1e6b34',
  weight: 2,
  dashArray: '5 3',
  fillColor: '#7cc08f',
  fillOpacity: 0.55,
};
// A notification Lovisa gave a start approval for: dotted, the municipality's word rather than the owner's.
const notifiedStyle: L.PathOptions = {
  color: '#1e6b34',
  weight: 2,
  dashArray: '1 4',
  fillColor: '#7cc08f',
  fillOpacity: 0.55,
};
const registeredStyle: L.PathOptions = {
  color: '#1e6b34',
  weight: 3,
  fill: false,
};

const PERMIT_FREE = new Set(['friggebod', 'attefall', 'exempt']);

/** The registered buildings on this plot that stand on a permit-free basis (and so count against the allowance). */
export function registeredPermitFree(surroundings: Surroundings | null | undefined, propertyId: string): Polygon[] {
  return (surroundings?.features ?? []).flatMap((f) =>
    f.properties.kind === 'building' &&
    f.properties.propertyId === propertyId &&
    PERMIT_FREE.has(f.properties.legalBasis)
      ? [f.geometry as Polygon]
      : [],
  );
}

export function LedgerLayers(props: {
  ledger: AllowanceLedger;
  surroundings: Surroundings | null | undefined;
  propertyId: string;
}) {
  const saved = useMemo(
    () =>
      props.ledger.entries.map((e) => ({
        positions: polygonToLatLngs(e.footprint),
        notified: e.source === 'notification',
      })),
    [props.ledger],
  );
  const registered = useMemo(
    () => registeredPermitFree(props.surroundings, props.propertyId).map(polygonToLatLngs),
    [props.surroundings, props.propertyId],
  );
  return (
    <>
      {registered.map((positions, i) => (
        <LeafletPolygon
          key={`r${i}`}
          pane={panes.buildings}
          positions={positions}
          pathOptions={registeredStyle}
          className="ledger-registered"
          interactive={false}
          pmIgnore
        />
      ))}
      {saved.map(({ positions, notified }, i) => (
        <LeafletPolygon
          key={`s${i}`}
          pane={panes.buildings}
          positions={positions}
          pathOptions={notified ? notifiedStyle : savedStyle}
          className={notified ? 'ledger-entry ledger-entry--notified' : 'ledger-entry'}
          interactive={false}
          pmIgnore
        />
      ))}
    </>
  );
}

/** The legend's lines for the ledger: what each kind of outline is, and each allowance's use before the drawing. */
export function LedgerLegend(props: { ledger: AllowanceLedger; registered: number }) {
  const { t, label, lang } = useI18n();
  const n = (v: number) => formatDecimal(v, lang);
  return (
    <>
      {props.ledger.entries.some((e) => e.source === 'lovisaAnswer') && (
        <li>
          <span className="swatch swatch--ledger" aria-hidden="true" /> {t('map.legend.ledgerSaved')}
        </li>
      )}
      {props.ledger.entries.some((e) => e.source === 'notification') && (
        <li>
          <span className="swatch swatch--ledger-notified" aria-hidden="true" /> {t('map.legend.ledgerNotified')}
        </li>
      )}
      {props.registered > 0 && (
        <li>
          <span className="swatch swatch--ledger-registered" aria-hidden="true" /> {t('map.legend.ledgerRegistered')}
        </li>
      )}
      {props.ledger.balances.map((b) => (
        <li key={b.id} className="map-legend__allowance">
          {t('map.legend.allowance', {
            what: label(b.label),
            used: n(b.usedM2),
            limit: n(b.limitM2),
            remaining: n(b.remainingM2),
          })}
        </li>
      ))}
    </>
  );
}
