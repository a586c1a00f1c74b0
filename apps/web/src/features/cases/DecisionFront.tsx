import { decisionNextSteps, outcomeLabel, ruleSetFor, stockholmDate, type CaseDetail } from '@lovisa/domain';
import { formatDate } from '../../format';
import { useI18n, type I18n } from '../../i18n/i18n';
import { documentUrl } from './caseApi';

/** "fyra veckor": the count is the rule set's, the words the dictionary's. */
function weeksInWords(n: number, t: I18n['t']): string {
  if (n === 1) return t('front.weeks.one');
  const words = t('front.numberWords').split('|');
  return t('front.weeks.many', { n: words[n] ?? String(n) });
}

/**
 * The decision first (issue #18, item 4): on a phone the applicant sees what was decided, whether they may start
 * building, when it gains legal force and how long it lasts, with the PDF one tap away, before anything else.
 * Every fact is the domain's (`decisionNextSteps`); this only puts it in words.
 */
export function DecisionFront({ c }: { c: CaseDetail }) {
  const { t, lang, label } = useI18n();
  const ruleSet = ruleSetFor(stockholmDate(new Date(c.receivedAt)));
  const n = ruleSet ? decisionNextSteps(c, ruleSet) : null;
  if (!n) return null;
  const date = (d: string) => formatDate(d, lang);
  const granted = n.start.kind !== 'mayNotBuild';
  const announced = c.notice?.announcement?.publishedOn;
  const startText = (() => {
    switch (n.start.kind) {
      case 'waitForStartbesked':
        return t('front.start.wait', { weeks: weeksInWords(n.start.weeks, t) });
      case 'waitForAnnouncement':
        return t('front.start.waitAnnouncement', { weeks: weeksInWords(n.start.weeks, t) });
      case 'mayStart':
        return t(n.procedure === 'notification' ? 'front.start.mayNotification' : 'front.start.may', {
          date: date(n.start.from),
        });
      case 'mayNotBuild':
        return t(n.outcome === 'dismissed' ? 'front.start.dismissed' : 'front.start.refused');
    }
  })();
  return (
    <section
      className={`panel decision-front decision-front--${granted ? 'granted' : 'refused'}`}
      aria-labelledby="decision-front-title"
    >
      <h2 id="decision-front-title" className="decision-front__outcome">
        <span className="visually-hidden">{t('front.region')}: </span>
        {label(outcomeLabel(n.outcome, n.procedure))}
      </h2>
      <p className="decision-front__when">{t('front.decidedOn', { date: date(n.decidedOn) })}</p>
      <h3 className="decision-front__question">{t('front.start.question')}</h3>
      <p className="decision-front__start">
        <strong>{startText}</strong>
        {n.start.kind === 'waitForStartbesked' && n.start.earliestStart && announced && (
          <> {t('front.start.waitDate', { announced: date(announced), date: date(n.start.earliestStart) })}</>
        )}
      </p>
      {n.document && (
        <p>
          <a
            className="button button--primary decision-front__pdf"
            href={documentUrl('me', c.id, n.document)}
            download={c.documents.find((d) => d.kind === n.document)?.fileName ?? true}
          >
            {t(n.document === 'startApproval' ? 'front.downloadStart' : 'front.download')}
          </a>
        </p>
      )}
      <dl className="decision-front__facts">
        {n.legalForce && (
          <>
            <dt>{t('front.legalForce.question')}</dt>
            <dd>
              {n.legalForce.on
                ? t('front.legalForce.on', { date: date(n.legalForce.on) })
                : t('front.legalForce.waiting')}
              {n.legalForce.uncertain && <span className="hint"> {t('front.legalForce.uncertain')}</span>}
            </dd>
          </>
        )}
        {granted && (
          <>
            <dt>{t('front.validity.question')}</dt>
            <dd>
              {n.validity
                ? t(n.procedure === 'notification' ? 'front.validity.notification' : 'front.validity.permit', {
                    startBy: date(n.validity.startBy),
                    finishBy: date(n.validity.finishBy),
                  })
                : t('front.validity.pending')}
            </dd>
          </>
        )}
        <dt>{t('front.appeal.question')}</dt>
        <dd>{n.appealBy ? t('front.appeal.by', { date: date(n.appealBy) }) : t('front.appeal.pending')}</dd>
      </dl>
    </section>
  );
}
