import { z } from 'zod';
import { PersonnummerSchema, formatPersonnummer } from '../personnummer';
import { canonicalJson } from '../neighbours/consent';
import { addDays } from '../rules/clock';
import type { DomainMessageId } from '../messages/sv';
import {
  PowerOfAttorneyScopeSchema,
  PowerOfAttorneySchema,
  type PowerOfAttorney,
  type PowerOfAttorneyScope,
} from './signingRules';

/**
 * A power of attorney (fullmakt) as the owner gives it and as people see it (issue #20, ADR 0023). The rules
 * on who may act through it are in signingRules.ts; this is the grant, its limits, its text and its hash.
 */

/** The longest a power may run: a year from today. The owner can give a new one after. */
export const POWER_MAX_DAYS = 365;

/** What the owner fills in: the agent, the scope (a property of theirs, or a case of theirs) and the last valid day. */
export const PowerOfAttorneyGrantSchema = z.object({
  agent: PersonnummerSchema,
  scope: PowerOfAttorneyScopeSchema,
  validUntil: z.iso.date(),
});
export type PowerOfAttorneyGrant = z.infer<typeof PowerOfAttorneyGrantSchema>;

/** valid / revoked / expired, wherever it is looked at (scope aside). */
export const PowerLifeStateSchema = z.enum(['valid', 'revoked', 'expired']);
export type PowerLifeState = z.infer<typeof PowerLifeStateSchema>;

/** A power as its principal and its agent see it: who, what for, until when, signed when, and its state today. */
export const PowerOfAttorneyViewSchema = PowerOfAttorneySchema.extend({
  /** Null for a protected identity: never named. */
  principalName: z.string().nullable(),
  agentName: z.string().nullable(),
  /** The property's designation, or the case's diary number and property. */
  scopeLabel: z.string(),
  state: PowerLifeStateSchema,
  signedAt: z.iso.datetime(),
});
export type PowerOfAttorneyView = z.infer<typeof PowerOfAttorneyViewSchema>;

/** The caller's powers: those they gave (as owner) and those they hold (as agent). */
export const MyPowersSchema = z.object({
  granted: z.array(PowerOfAttorneyViewSchema),
  held: z.array(PowerOfAttorneyViewSchema),
});
export type MyPowers = z.infer<typeof MyPowersSchema>;

/** What the owner is about to sign: the agent's name from the population register and the text BankID shows. */
export const PowerOfAttorneyPreviewSchema = z.object({
  agentName: z.string().nullable(),
  scopeLabel: z.string(),
  signText: z.string(),
});
export type PowerOfAttorneyPreview = z.infer<typeof PowerOfAttorneyPreviewSchema>;

/** Why a grant cannot be signed, by message id; empty when it can. */
export function grantProblems(grant: PowerOfAttorneyGrant, principal: string, today: string): DomainMessageId[] {
  const problems: DomainMessageId[] = [];
  if (grant.agent === principal) problems.push('powers.self');
  if (grant.validUntil <= today) problems.push('powers.validUntilPast');
  else if (grant.validUntil > addDays(today, POWER_MAX_DAYS)) problems.push('powers.validUntilTooLate');
  return problems;
}

/** What "this property" or "this case" means in words, for the text the owner signs. */
export const scopeWords = (scope: PowerOfAttorneyScope, label: string) =>
  scope.kind === 'property' ? `fastigheten ${label}` : `ärende ${label}`;

/**
 * What the owner sees in the BankID app: who authorises whom, for what and until when. A protected agent is named
 * by personnummer only (the owner typed it); no address is ever in it.
 */
export function powerOfAttorneySignText(input: {
  principalName: string;
  agentName: string | null;
  agent: string;
  scope: PowerOfAttorneyScope;
  scopeLabel: string;
  validUntil: string;
}): string {
  const agent = input.agentName
    ? `${input.agentName} (${formatPersonnummer(input.agent)})`
    : formatPersonnummer(input.agent);
  return [
    `Jag, ${input.principalName}, ger ${agent} fullmakt att för min räkning ansöka om lov, skriva under ansökan och svara på förelägganden om komplettering för ${scopeWords(input.scope, input.scopeLabel)}.`,
    '',
    `Fullmakten gäller till och med ${input.validUntil}. Jag kan återkalla den när som helst i Lovisa.`,
  ].join('\n');
}

/** The string the owner's signature binds (hashed with SHA-256 as BankID's non-visible data): the power itself. */
export function powerOfAttorneyCanonical(power: Omit<PowerOfAttorney, 'revokedAt'>): string {
  return canonicalJson({
    v: 1,
    id: power.id,
    principal: power.principal,
    agent: power.agent,
    scope: power.scope,
    validUntil: power.validUntil,
  });
}
