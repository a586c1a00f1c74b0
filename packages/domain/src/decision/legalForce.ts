import { workingDayFrom } from '../calendar/holidays';
import { addDays } from '../rules/clock';
import type { RuleSet } from '../rules/ruleSet';

/**
 * When a permit gains legal force (laga kraft), when building may start, and when the permit lapses. Pure date
 * arithmetic over what the case records: the day the decision was announced and the days each known party
 * received it. Nobody here knows whether an appeal was lodged: the result is the date legal force comes if none is.
 */
export interface DecisionDelivery {
  /** Applicant, co-owner, sakägare: whoever must be able to appeal. */
  party: string;
  /** The day the decision reached them (delivered, or announced to them as delivery). */
  receivedOn: string;
}

export interface LegalForceInput {
  /** The day the decision was announced (kungörelse); null while it has not been. */
  announcedOn: string | null;
  /** Parties who received the decision themselves, with the day. */
  deliveries: DecisionDelivery[];
  /** Parties still to be reached, e.g. a sakägare whose delivery is not recorded: legal force waits for them. */
  undelivered?: string[];
  /** Only a granted lov (or a positive förhandsbesked) is announced (9 kap. 41 a §); a refusal is served, not announced. */
  announcementRequired?: boolean;
}

export interface LegalForce {
  /** The last day anyone may appeal, per party (those reached by the announcement under "announcement"). */
  appealEnds: { party: string; lastDay: string }[];
  /** The day the decision gains legal force unless appealed; null while a party's time has not begun. */
  legalForceOn: string | null;
  /** Building may start at the earliest (with a startbesked): weeks after the announcement; null before it. */
  earliestStart: string | null;
  /** The permit lapses unless work has started by `startBy` and finished by `finishBy`; null before legal force. */
  lapses: { startBy: string; finishBy: string } | null;
  /** Rests on a rule value the sources leave uncertain. */
  uncertain: boolean;
}

/** The same calendar day `years` later; 29 February falls back to 28 February in a common year. */
export const addYears = (day: string, years: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // 29 February plus a year is 28 February: the period ends within the same month.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/** The last day to appeal for someone who received the decision on `receivedOn` (lag (1930:173) applied). */
export function appealLastDay(receivedOn: string, ruleSet: RuleSet): string {
  return workingDayFrom(addDays(receivedOn, ruleSet.afterDecision.appealWeeks * 7));
}

export function legalForce(input: LegalForceInput, ruleSet: RuleSet): LegalForce {
  const rules = ruleSet.afterDecision;
  const appealEnds = input.deliveries.map((d) => ({ party: d.party, lastDay: appealLastDay(d.receivedOn, ruleSet) }));
  if (input.announcedOn) {
    const deemed = addDays(input.announcedOn, rules.announcementDeliveredAfterDays.value);
    appealEnds.push({ party: 'announcement', lastDay: appealLastDay(deemed, ruleSet) });
  }
  const required = input.announcementRequired ?? true;
  const waiting =
    (required && input.announcedOn === null) ||
    (input.undelivered?.length ?? 0) > 0 ||
    (!required && input.deliveries.length === 0);
  const lastDay = appealEnds
    .map((a) => a.lastDay)
    .sort()
    .at(-1);
  // Legal force comes the day after the last day anyone could appeal.
  const legalForceOn = waiting || !lastDay ? null : addDays(lastDay, 1);
  return {
    appealEnds,
    legalForceOn,
    earliestStart: input.announcedOn ? addDays(input.announcedOn, rules.startWaitWeeks * 7) : null,
    lapses:
      legalForceOn && required
        ? {
            startBy: addYears(legalForceOn, rules.lapse.startYears),
            finishBy: addYears(legalForceOn, rules.lapse.finishYears),
          }
        : null,
    uncertain: required && (rules.announcement.uncertain || rules.announcementDeliveredAfterDays.uncertain),
  };
}
