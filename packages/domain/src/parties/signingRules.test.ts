import { describe, expect, it } from 'vitest';
import {
  applicantStanding,
  powerOfAttorneyState,
  signingStatus,
  submissionCanonical,
  type PartySignature,
  type PowerOfAttorney,
  type PropertyOwner,
  type SigningContext,
} from './signingRules';
import type { ApplicationSubmission } from '../application';

// Skatteverket's test personnummer (fixtures: Maria and Per Eriksson co-own Eken 1:22).
const MARIA = '196411193086';
const PER = '194509123412';
const ANNA = '198202029289';
const ERIK = '198103269299';
const GUSTAV = '193502234796';
const EVA = '193703119168';
const PROPERTY = '11111111-1111-4111-8111-111111111111';
const OTHER_PROPERTY = '22222222-2222-4222-8222-222222222222';
const CASE = '33333333-3333-4333-8333-333333333333';
const V1 = 'hash-of-version-1';
const V2 = 'hash-of-version-2';

const person = (personnummer: string): PropertyOwner => ({ kind: 'person', personnummer });
const brf = (rule: { kind: 'alone' } | { kind: 'jointly'; count: number }): PropertyOwner => ({
  kind: 'organisation',
  orgnr: '7696001234',
  signatories: [ANNA, ERIK, GUSTAV],
  rule,
});
const signed = (personnummer: string, submissionHash = V1): PartySignature => ({ personnummer, submissionHash });
const power = (over: Partial<PowerOfAttorney> = {}): PowerOfAttorney => ({
  id: '44444444-4444-4444-8444-444444444444',
  principal: MARIA,
  agent: EVA,
  scope: { kind: 'property', propertyId: PROPERTY },
  validUntil: '2027-06-30',
  revokedAt: null,
  ...over,
});
const ctx = (over: Partial<SigningContext> = {}): SigningContext => ({
  submissionHash: V1,
  propertyId: PROPERTY,
  caseId: null,
  today: '2027-03-01',
  powers: [],
  ...over,
});

describe('signingStatus: who must sign a submission', () => {
  const cases: {
    name: string;
    owners: PropertyOwner[];
    signatures: PartySignature[];
    ctx?: Partial<SigningContext>;
    complete: boolean;
    states: string[];
  }[] = [
    {
      name: 'sole owner, signed',
      owners: [person(ANNA)],
      signatures: [signed(ANNA)],
      complete: true,
      states: ['signed'],
    },
    { name: 'sole owner, not signed', owners: [person(ANNA)], signatures: [], complete: false, states: ['missing'] },
    {
      name: 'sole owner, someone else signed',
      owners: [person(ANNA)],
      signatures: [signed(ERIK)],
      complete: false,
      states: ['missing'],
    },
    {
      name: 'all co-owners signed',
      owners: [person(MARIA), person(PER)],
      signatures: [signed(MARIA), signed(PER)],
      complete: true,
      states: ['signed', 'signed'],
    },
    {
      name: 'one co-owner of two signed',
      owners: [person(MARIA), person(PER)],
      signatures: [signed(MARIA)],
      complete: false,
      states: ['signed', 'missing'],
    },
    {
      name: 'co-owner signed an earlier version: the change invalidates it',
      owners: [person(MARIA), person(PER)],
      signatures: [signed(MARIA), signed(PER, V2)],
      complete: false,
      states: ['signed', 'missing'],
    },
    {
      name: 'missing co-owner consented on paper, accepted by the officer',
      owners: [person(MARIA), person(PER)],
      signatures: [signed(MARIA)],
      ctx: { paperConsents: [PER] },
      complete: true,
      states: ['signed', 'paper'],
    },
    {
      name: 'organisation, one signatory alone',
      owners: [brf({ kind: 'alone' })],
      signatures: [signed(ERIK)],
      complete: true,
      states: ['signed'],
    },
    {
      name: 'two jointly, one signed',
      owners: [brf({ kind: 'jointly', count: 2 })],
      signatures: [signed(ANNA)],
      complete: false,
      states: ['missing'],
    },
    {
      name: 'two jointly, two signed',
      owners: [brf({ kind: 'jointly', count: 2 })],
      signatures: [signed(ANNA), signed(GUSTAV)],
      complete: true,
      states: ['signed'],
    },
    {
      name: 'two jointly, the same signatory twice counts once',
      owners: [brf({ kind: 'jointly', count: 2 })],
      signatures: [signed(ANNA), signed(ANNA)],
      complete: false,
      states: ['missing'],
    },
    {
      name: 'two jointly, the second is no signatory',
      owners: [brf({ kind: 'jointly', count: 2 })],
      signatures: [signed(ANNA), signed(MARIA)],
      complete: false,
      states: ['missing'],
    },
    {
      name: 'agent with a valid power signs for the owner',
      owners: [person(MARIA)],
      signatures: [signed(EVA)],
      ctx: { powers: [power()] },
      complete: true,
      states: ['signed'],
    },
    {
      name: 'agent with a revoked power',
      owners: [person(MARIA)],
      signatures: [signed(EVA)],
      ctx: { powers: [power({ revokedAt: '2027-02-01T10:00:00.000Z' })] },
      complete: false,
      states: ['missing'],
    },
    {
      name: 'agent with an expired power',
      owners: [person(MARIA)],
      signatures: [signed(EVA)],
      ctx: { powers: [power({ validUntil: '2027-02-28' })] },
      complete: false,
      states: ['missing'],
    },
    {
      name: 'agent with a power for another property',
      owners: [person(MARIA)],
      signatures: [signed(EVA)],
      ctx: { powers: [power({ scope: { kind: 'property', propertyId: OTHER_PROPERTY } })] },
      complete: false,
      states: ['missing'],
    },
    {
      name: 'agent for one co-owner, the other co-owner still must sign',
      owners: [person(MARIA), person(PER)],
      signatures: [signed(EVA)],
      ctx: { powers: [power()] },
      complete: false,
      states: ['signed', 'missing'],
    },
    { name: 'no owner known', owners: [], signatures: [signed(ANNA)], complete: false, states: [] },
  ];

  it.each(cases)('$name', ({ owners, signatures, ctx: over, complete, states }) => {
    const status = signingStatus(owners, signatures, ctx(over));
    expect(status.complete).toBe(complete);
    expect(status.owners.map((o) => o.state)).toEqual(states);
  });

  it('names who signed for whom, and the power an agent used', () => {
    const status = signingStatus([person(MARIA), brf({ kind: 'jointly', count: 2 })], [signed(EVA), signed(ERIK)], {
      ...ctx(),
      powers: [power()],
    });
    expect(status.owners).toEqual([
      { owner: MARIA, kind: 'person', state: 'signed', signedBy: [EVA], needed: 1, viaPower: power().id },
      { owner: '7696001234', kind: 'organisation', state: 'missing', signedBy: [ERIK], needed: 2 },
    ]);
  });
});

describe('powerOfAttorneyState', () => {
  const at = { propertyId: PROPERTY, caseId: CASE, today: '2027-03-01' };
  it.each([
    { name: 'in scope, in time', p: power(), state: 'valid' },
    { name: 'its last day still holds', p: power({ validUntil: '2027-03-01' }), state: 'valid' },
    { name: 'past its last day', p: power({ validUntil: '2027-02-28' }), state: 'expired' },
    { name: 'revoked (even in time)', p: power({ revokedAt: '2027-02-01T00:00:00.000Z' }), state: 'revoked' },
    { name: 'this case', p: power({ scope: { kind: 'case', caseId: CASE } }), state: 'valid' },
    {
      name: 'another case',
      p: power({ scope: { kind: 'case', caseId: '55555555-5555-4555-8555-555555555555' } }),
      state: 'outOfScope',
    },
    {
      name: 'another property',
      p: power({ scope: { kind: 'property', propertyId: OTHER_PROPERTY } }),
      state: 'outOfScope',
    },
  ])('$name → $state', ({ p, state }) => expect(powerOfAttorneyState(p, at)).toBe(state));
});

describe('applicantStanding: who may apply for the property', () => {
  const owners = [person(MARIA), person(PER)];
  it.each([
    { name: 'a co-owner', who: PER, owners, powers: [], standing: { as: 'owner' } },
    { name: 'a stranger', who: ERIK, owners, powers: [], standing: null },
    {
      name: 'an agent with a valid power',
      who: EVA,
      owners,
      powers: [power()],
      standing: { as: 'agent', principal: MARIA, powerId: power().id },
    },
    {
      name: 'a revoked agent',
      who: EVA,
      owners,
      powers: [power({ revokedAt: '2027-02-01T00:00:00.000Z' })],
      standing: null,
    },
    {
      name: 'a power from someone who is no owner',
      who: EVA,
      owners,
      powers: [power({ principal: ANNA })],
      standing: null,
    },
    {
      name: 'a signatory of the owning organisation',
      who: GUSTAV,
      owners: [brf({ kind: 'jointly', count: 2 })],
      powers: [],
      standing: { as: 'signatory', orgnr: '7696001234' },
    },
  ])('$name', ({ who, owners: o, powers, standing }) =>
    expect(applicantStanding(who, o, { propertyId: PROPERTY, caseId: null, today: '2027-03-01', powers })).toEqual(
      standing,
    ),
  );
});

describe('submissionCanonical', () => {
  const application = {
    propertyId: PROPERTY,
    measure: 'outbuilding',
    footprints: [],
    details: { description: 'Förråd', ridgeHeightM: 3.5, plannedStart: '2027-05-01' },
  } as unknown as ApplicationSubmission;
  it('is the same for the same application whatever the key order, and differs after any change', () => {
    const { details, ...rest } = application;
    const reordered = {
      details: { plannedStart: details.plannedStart, ridgeHeightM: 3.5, description: details.description },
      ...rest,
    };
    expect(submissionCanonical(reordered)).toBe(submissionCanonical(application));
    const changed = { ...application, details: { ...application.details, description: 'Garage' } };
    expect(submissionCanonical(changed)).not.toBe(submissionCanonical(application));
  });
});
