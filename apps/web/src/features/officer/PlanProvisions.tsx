import type { CaseAssessment } from '@lovisa/domain';
import { useI18n } from '../../i18n/i18n';

/**
 * The detailed plan's provisions against the drawn building, as the rules engine measured them when the case
 * arrived: the table the applicant saw before signing, so the officer judges the same figures.
 */
export function PlanProvisions({ plan }: { plan: NonNullable<CaseAssessment['plan']> }) {
  const { t, lang } = useI18n();
  const failed = plan.rules.filter((r) => !r.pass).length;
  return (
    <>
      <h3 className="panel__sub" id="plan-provisions-title">
        {t('verdict.plan', { plan: plan.planNumber ?? '' })}
      </h3>
      <table className="verdict__table" aria-labelledby="plan-provisions-title">
        <thead>
          <tr>
            <th scope="col">{t('verdict.rule')}</th>
            <th scope="col">{t('verdict.result')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.rules.map((r) => (
            <tr key={r.code} className={r.pass ? undefined : 'verdict__fail'}>
              <td>{r.text[lang]}</td>
              <td>{r.pass ? t('verdict.pass') : t('verdict.fail')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t(failed > 0 ? 'loop.plan.deviates' : 'loop.plan.complies', { n: failed })}</p>
    </>
  );
}
