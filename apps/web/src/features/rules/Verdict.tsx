import type { ReactNode } from 'react';
import type { Evaluation, Finding } from '@lovisa/domain';
import { useI18n } from '../../i18n/i18n';

const tone = { none: 'success', notification: 'info', permit: 'info' } as const;

function Findings({ items, title }: { items: Finding[]; title: string }) {
  const { label } = useI18n();
  if (items.length === 0) return null;
  return (
    <>
      <h3 className="verdict__subheading">{title}</h3>
      <ul className="verdict__list">
        {items.map((f, i) => (
          <li key={`${f.code}-${i}`}>{label(f.text)}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * The rules engine's answer to "do I need a permit?" and how the drawing meets the plan: the same verdict the
 * server will reach, shown as the applicant draws and again before they sign.
 */
export function Verdict({
  evaluation,
  headingLevel = 2,
  note,
}: {
  evaluation: Evaluation;
  headingLevel?: 2 | 3;
  /** What the verdict says beyond the rules' own words: the neighbours' consents, signed or lapsed. */
  note?: ReactNode;
}) {
  const { t, label } = useI18n();
  const a = evaluation.assessment;
  if (!a) return null;
  const [summary, ...reasons] = a.reasons;
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  const failed = evaluation.compliance?.rules.filter((r) => !r.pass) ?? [];
  return (
    <section className={`verdict verdict--${tone[a.outcome]}`} aria-labelledby="verdict-heading">
      <Heading id="verdict-heading" className="verdict__heading">
        {t('verdict.heading')}
      </Heading>
      <p className="verdict__summary">
        <strong>{summary && label(summary.text)}</strong>
      </p>
      {note}
      {evaluation.ridgeHeightPending && <p>{t('verdict.ridgePending')}</p>}
      {a.confirmWithMunicipality && <p className="verdict__confirm">{t('verdict.confirm')}</p>}
      <Findings items={reasons} title={t('verdict.why')} />
      <Findings items={a.conditions} title={t('verdict.conditions')} />
      {evaluation.compliance?.applicable && (
        <>
          <h3 className="verdict__subheading">{t('verdict.plan', { plan: evaluation.compliance.planNumber ?? '' })}</h3>
          <table className="verdict__table">
            <caption className="visually-hidden">{t('verdict.planCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('verdict.rule')}</th>
                <th scope="col">{t('verdict.result')}</th>
              </tr>
            </thead>
            <tbody>
              {evaluation.compliance.rules
                .filter((r) => !(evaluation.ridgeHeightPending && r.code === 'PLAN_HEIGHT'))
                .map((r) => (
                  <tr key={r.code} className={r.pass ? undefined : 'verdict__fail'}>
                    <td>{label(r.finding.text)}</td>
                    <td>{r.pass ? t('verdict.pass') : t('verdict.fail')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {failed.length > 0 && <p>{t('verdict.deviation')}</p>}
          {evaluation.compliance.textProvisions && (
            <>
              <h3 className="verdict__subheading">{t('verdict.otherProvisions')}</h3>
              <ul className="verdict__list">
                {evaluation.compliance.textProvisions.map((p, i) => (
                  <li key={`${p.code ?? p.symbol ?? ''}-${i}`}>
                    {p.symbol ? `${p.symbol}: ` : ''}
                    {p.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
