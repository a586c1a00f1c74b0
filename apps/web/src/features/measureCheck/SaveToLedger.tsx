import { useCallback, useState } from 'react';
import type { AllowanceLedger, Footprint, MeasureAnswerInput, SavedAnswer } from '@lovisa/domain';
import { api, apiErrorText } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Status } from '../../components/Layout';
import { formatDate } from '../../format';
import { useSignOrder } from '../consent/useSignOrder';
import { SigningView } from '../wizard/SigningView';
import { ledgerApi } from './ledgerApi';

/**
 * "Spara svaret i tomtens pott": the owner keeps the permit-free answer on the plot's allowance ledger, so the
 * next answer counts it and the owner has it recorded if supervision asks. The server judges it again. Saved,
 * the owner may sign it with BankID: the printed answer then says who signed it, when, and the hash signed.
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
  const [saved, setSaved] = useState<{ answerId: string; ledger: AllowanceLedger } | null>(null);
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
      setSaved({ answerId: answer.answerId, ledger: answer.ledger });
    } catch (err) {
      setError(apiErrorText(err, i18n));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ledger" aria-labelledby="ledger-heading">
      <h3 id="ledger-heading">{t('mc.allowance.heading')}</h3>
      {saved ? (
        <>
          <Status tone="success">
            {t('mc.ledger.saved')}{' '}
            {saved.ledger.balances
              .map((b) => t('mc.ledger.left', { remaining: b.remainingM2, limit: b.limitM2, what: label(b.label) }))
              .join(' ')}
          </Status>
          <SignAnswer answerId={saved.answerId} />
        </>
      ) : (
        <div className="no-print">
          <p>{t('mc.ledger.why')}</p>
          <button type="button" className="button" onClick={() => void save()} disabled={busy}>
            {t('mc.ledger.save')}
          </button>
        </div>
      )}
      {error && <Status tone="error">{error}</Status>}
    </section>
  );
}

/**
 * "Spara svaret": the owner keeps the permit-free answer for a measure beyond buildings (a plank, an altan, solar
 * panels) with the rule set, the answers and the drawing, and may sign it with BankID. It takes no part of the
 * plot's allowance, and says so. The server judges it again.
 */
export function SaveMeasureAnswer(props: { propertyId: string; input: MeasureAnswerInput }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [answerId, setAnswerId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      setAnswerId((await api.saveMeasureAnswer(props.propertyId, props.input)).answerId);
    } catch (err) {
      setError(apiErrorText(err, i18n));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ledger" aria-labelledby="mc-save-heading">
      <h3 id="mc-save-heading">{t('mc.measureAnswer.heading')}</h3>
      {answerId ? (
        <>
          <Status tone="success">{t('mc.measureAnswer.saved')}</Status>
          <SignAnswer answerId={answerId} />
        </>
      ) : (
        <div className="no-print">
          <p>{t('mc.measureAnswer.why')}</p>
          <button type="button" className="button" onClick={() => void save()} disabled={busy}>
            {t('mc.measureAnswer.save')}
          </button>
        </div>
      )}
      {error && <Status tone="error">{error}</Status>}
    </section>
  );
}

/** The saved answer's BankID signature: offered until it is made, then shown (and printed) with its hash. */
function SignAnswer({ answerId }: { answerId: string }) {
  const { t, lang, msg } = useI18n();
  const [answer, setAnswer] = useState<SavedAnswer | null>(null);
  const reload = useCallback(() => {
    void ledgerApi.answer(answerId).then(setAnswer, () => {});
  }, [answerId]);
  const signing = useSignOrder(ledgerApi, answerId, reload);
  if (signing.signing)
    return (
      <SigningView
        inline
        order={signing.order}
        message={signing.message}
        onCancel={signing.cancel}
        title="mc.ledger.signTitle"
        loadQr={signing.loadQr}
      />
    );
  const signature = answer?.signature;
  if (signature)
    return (
      <div className="ledger__signature">
        <p>
          <strong>
            {t('mc.ledger.signed', { name: signature.signedBy, date: formatDate(signature.signedAt, lang) })}
          </strong>
        </p>
        <p className="ledger__hash">{t('mc.ledger.hash', { hash: signature.sha256 })}</p>
        <p>{t(answer.verified ? 'mc.ledger.verified' : 'mc.ledger.notVerified')}</p>
      </div>
    );
  return (
    <div className="no-print">
      <p>{t('mc.ledger.signWhy')}</p>
      <button type="button" className="button button--primary" onClick={() => void signing.start()}>
        {t('mc.ledger.sign')}
      </button>
      {signing.error && <Status tone="error">{msg(signing.error)}</Status>}
    </div>
  );
}
