import { GET, askEarly, takeArrived, takeEarly } from './http';
import { WIZARD_FIRST_CALLS } from '../firstCalls';

/** Calls whose answers a page needs first; `api` (client.ts) takes an answer asked for early if there is one. */
const first = {
  drafts: () => GET(WIZARD_FIRST_CALLS.drafts),
  myProperties: () => GET(WIZARD_FIRST_CALLS.myProperties),
};
export const firstCalls = {
  drafts: () => takeEarly('drafts', first.drafts),
  myProperties: () => takeEarly('myProperties', first.myProperties),
} satisfies Record<keyof typeof first, unknown>;

/**
 * The wizard's first answers that have already come (usually: the server names them in the page as preloads),
 * so its first render is the applicant's step itself rather than "Laddar…" and then the step.
 */
export const arrivedWizardAnswers = () => ({
  drafts: takeArrived<Awaited<ReturnType<typeof first.drafts>>>('drafts'),
  myProperties: takeArrived<Awaited<ReturnType<typeof first.myProperties>>>('myProperties'),
});

/**
 * The wizard's first answers, asked for by the entry as the page opens at /ansokan… (App.tsx, startPage) while
 * the wizard's chunk is on its way: the drafts (which step to show) and the applicant's properties (the wizard
 * machine's first state). In the entry, so this module needs nothing but the HTTP client.
 */
export function askWizardAnswersEarly(): void {
  askEarly('drafts', first.drafts);
  askEarly('myProperties', first.myProperties);
}
