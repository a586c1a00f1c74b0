import {
  attachmentLabels,
  minorMeasureFee,
  minorMeasureLabels,
  ruleSetFor,
  type MinorMeasureAssessment,
} from '@lovisa/domain';
import { api } from '../../api/client';
import { useApi } from '../../useApi';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../format';

const tone = { none: 'success', notification: 'info', permit: 'info' } as const;

/** The answer for a measure beyond buildings: what is needed, why, on what conditions, by which law. */
export function MeasureAnswer(props: { answer: MinorMeasureAssessment; designation: string; today: string }) {
  const { t, label, lang } = useI18n();
  const { answer } = props;
  const ruleSet = ruleSetFor(props.today)!;
  const [summary, ...reasons] = answer.reasons;
  // Priced with the municipality's fee schedule, as the building measures are; the answer says it is an example.
  const { data: schedule } = useApi(() => api.feeSchedule(), []);
  const fee = schedule ? minorMeasureFee(ruleSet.minorMeasures[answer.measure], answer.outcome, schedule) : null;
  return (
    <section className={`verdict verdict--${tone[answer.outcome]}`} aria-labelledby="mc-answer-heading">
      <h2 id="mc-answer-heading" className="verdict__heading">
        {t('mc.answer.heading', {
          measure: label(minorMeasureLabels[answer.measure]),
          designation: props.designation,
        })}
      </h2>
      <p className="verdict__summary">
        <strong>{summary && label(summary.text)}</strong>
      </p>
      {answer.missingFacts.length > 0 && <p className="verdict__confirm">{t('mc.answer.missing')}</p>}
      {answer.confirmWithMunicipality && <p className="verdict__confirm">{t('verdict.confirm')}</p>}
      <h3 className="verdict__subheading">{t('verdict.why')}</h3>
      <ul className="verdict__list">
        {reasons.map((r, i) => (
          <li key={`${r.code}-${i}`}>{label(r.text)}</li>
        ))}
      </ul>
      {answer.conditions.length > 0 && (
        <>
          <h3 className="verdict__subheading">{t('verdict.conditions')}</h3>
          <ul className="verdict__list">
            {answer.conditions.map((c, i) => (
              <li key={`${c.code}-${i}`}>{label(c.text)}</li>
            ))}
          </ul>
        </>
      )}
      {answer.attachments.length > 0 && (
        <>
          <h3 className="verdict__subheading">{t('mc.answer.documents')}</h3>
          <ul className="verdict__list">
            {answer.attachments.map((a) => (
              <li key={a}>{label(attachmentLabels[a])}</li>
            ))}
          </ul>
          {fee !== null && <p>{t('mc.answer.fee', { fee: fee.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB') })}</p>}
        </>
      )}
      <p className="verdict__source">{t('mc.answer.source', { source: answer.source })}</p>
      <p className="verdict__source">
        {t('mc.answer.rules', { ruleSet: label(ruleSet.name), date: formatDate(props.today, lang) })}
      </p>
    </section>
  );
}
