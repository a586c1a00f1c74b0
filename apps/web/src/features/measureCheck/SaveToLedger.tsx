import { useCallback, useId, useState } from 'react';
import type { Footprint, MeasureAnswerInput, SavedAnswer } from '@lovisa/domain';
import { api, apiErrorText } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';
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
  const { t, label } = useI18n();
  const { ridgeHeightM } = props;
  if (ridgeHeightM === undefined) return null;
  return (
    <SaveAndSign
      texts={{ heading: 'mc.allowance.heading', why: 'mc.ledger.why', save: 'mc.ledger.save' }}
      save={() =>
        api.savePermitFreeAnswer(props.propertyId, {
          measure: props.measure,
          footprints: props.footprints.map((f) => f.geometry),
          ridgeHeightM,
          ...(props.grossFloorAreaM2 === undefined ? {} : { grossFloorAreaM2: props.grossFloorAreaM2 }),
        })
      }
      saved={(answer) =>
        `${t('mc.ledger.saved')} ${answer.ledger.balances
          .map((b) => t('mc.ledger.left', { remaining: b.remainingM2, limit: b.limitM2, what: label(b.label) }))
          .join(' ')}`
      }
    />
  );
}

/**
 * "Spara svaret": the owner keeps the permit-free answer for a measure beyond buildings (a plank, an altan, solar
 * panels) with the rule set, the answers and the drawing, and may sign it with BankID. It takes no part of the
 * plot's allowance, and says so. The server judges it again.
 */
export function SaveMeasureAnswer(props: { propertyId: string; input: MeasureAnswerInput }) {
  const { t } = useI18n();
  return (
    <SaveAndSign
      texts={{ heading: 'mc.measureAnswer.heading', why: 'mc.measureAnswer.why', save: 'mc.measureAnswer.save' }}
      save={() => api.saveMeasureAnswer(props.propertyId, props.input)}
      saved={() => t('mc.measureAnswer.saved')}
    />
  );
}

/** Why to save, the button, and once saved what was kept and its BankID signature; a refusal in words. */
function SaveAndSign<A extends { answerId: string }>(props: {
  texts: { heading: MessageKey; why: MessageKey; save: MessageKey };
  save(): Promise<A>;
  /** What the status says once saved: a function, so a language switch respells it. */
  saved(answer: A): string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const [answer, setAnswer] = useState<A | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      setAnswer(await props.save());
    } catch (err) {
      setError(apiErrorText(err, i18n));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="ledger" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(props.texts.heading)}</h3>
      {answer ? (
        <>
          <Status tone="success">{props.saved(answer)}</Status>
          <SignAnswer answerId={answer.answerId} />
        </>
      ) : (
        <div className="no-print">
          <p>{t(props.texts.why)}</p>
          <button type="button" className="button" onClick={() => void save()} disabled={busy}>
            {t(props.texts.save)}
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
