import { useState } from 'react';
import type { AllowanceLedger, Footprint } from '@lovisa/domain';
import { api, apiErrorText } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Status } from '../../components/Layout';

/**
 * "Spara svaret i tomtens pott": the owner keeps the permit-free answer on the plot's allowance ledger, so the
 * next answer counts it and the owner has it recorded if supervision asks. The server judges it again.
 */
export function SaveToLedger(props: {
  propertyId: string;
  measure: Footprint['measure'];
  footprints: Footprint[];
  ridgeHeightM: number | undefined;
  grossFloorAreaM2?: number | undefined;
}) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const [saved, setSaved] = useState<AllowanceLedger | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (props.ridgeHeightM === undefined) return null;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.savePermitFreeAnswer(props.propertyId, {
        measure: props.measure,
        footprints: props.footprints.map((f) => f.geometry),
        ridgeHeightM: props.ridgeHeightM!,
        ...(props.grossFloorAreaM2 === undefined ? {} : { grossFloorAreaM2: props.grossFloorAreaM2 }),
      });
      setSaved(answer.ledger);
    } catch (err) {
      setError(apiErrorText(err, i18n));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ledger no-print" aria-labelledby="ledger-heading">
      <h3 id="ledger-heading">{t('mc.allowance.heading')}</h3>
      {saved ? (
        <Status tone="success">
          {t('mc.ledger.saved')}{' '}
          {saved.balances
            .map((b) => t('mc.ledger.left', { remaining: b.remainingM2, limit: b.limitM2, what: label(b.label) }))
            .join(' ')}
        </Status>
      ) : (
        <>
          <p>{t('mc.ledger.why')}</p>
          <button type="button" className="button" onClick={() => void save()} disabled={busy}>
            {t('mc.ledger.save')}
          </button>
        </>
      )}
      {error && <Status tone="error">{error}</Status>}
    </section>
  );
}
