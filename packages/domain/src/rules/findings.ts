import { fillMessage, type Message, type MessageParams } from '../messages/fill';
import { findingSv } from '../messages/sv';
import { findingEn } from '../messages/findings.en';

export { formatNumber } from '../messages/fill';

/**
 * Every verdict the rules engine gives is a list of findings with stable codes: the codes are what tests,
 * the server's error answers and the officer's view compare; the texts are for people.
 */
export const findingTemplates = Object.fromEntries(
  Object.entries(findingSv).map(([code, sv]) => [code, { sv, en: findingEn[code as FindingCode] }]),
) as Record<FindingCode, { sv: string; en: string }>;

export type FindingCode = keyof typeof findingSv;
/** Words may come in both languages (`{ sv, en }`): each language's text takes its own. */
export type FindingParams = MessageParams;

export interface Finding {
  code: FindingCode;
  params: FindingParams;
  /** The finding rests on a value the sources leave uncertain. */
  uncertain?: boolean;
  text: { sv: string; en: string };
}

export function finding(code: FindingCode, params: FindingParams = {}, uncertain = false): Finding {
  return {
    code,
    params,
    ...(uncertain ? { uncertain } : {}),
    text: { sv: fillMessage(findingSv[code], params, 'sv'), en: fillMessage(findingEn[code], params, 'en') },
  };
}

/** A finding as a message by id (`finding.<code>`): what the wizard's problems and the server's answers carry. */
export const findingMessage = (f: Pick<Finding, 'code' | 'params'>): Message =>
  Object.keys(f.params).length > 0 ? { id: `finding.${f.code}`, params: f.params } : { id: `finding.${f.code}` };
