import { describe, expect, it } from 'vitest';
import { grantProblems, powerOfAttorneyCanonical, powerOfAttorneySignText } from './powers';
import { powerLifeState } from './signingRules';

const LARS = '195002281839';
const ERIK = '198103269299';
const scope = { kind: 'property' as const, propertyId: '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e21' };
const TODAY = '2026-12-05';

describe('a power of attorney given by an owner', () => {
  it.each([
    ['tomorrow', '2026-12-06', []],
    ['a year from today', '2027-12-05', []],
    ['today', '2026-12-05', ['powers.validUntilPast']],
    ['yesterday', '2026-12-04', ['powers.validUntilPast']],
    ['a year and a day', '2027-12-06', ['powers.validUntilTooLate']],
  ])('last valid day %s (%s): %j', (_what, validUntil, problems) => {
    expect(grantProblems({ agent: ERIK, scope, validUntil }, LARS, TODAY)).toEqual(problems);
  });

  it('is never to oneself', () => {
    expect(grantProblems({ agent: LARS, scope, validUntil: '2027-01-01' }, LARS, TODAY)).toEqual(['powers.self']);
  });

  it.each([
    ['valid through its last day', { validUntil: TODAY, revokedAt: null }, 'valid'],
    ['expired the day after', { validUntil: '2026-12-04', revokedAt: null }, 'expired'],
    ['revoked, however long it ran', { validUntil: '2027-12-01', revokedAt: '2026-12-05T08:00:00.000Z' }, 'revoked'],
  ] as const)('is %s', (_what, power, state) => {
    expect(powerLifeState(power, TODAY)).toBe(state);
  });

  it('says in the BankID text who authorises whom, for what, until when; a protected agent by number only', () => {
    const text = powerOfAttorneySignText({
      principalName: 'Lars Holmberg',
      agentName: 'Erik Nyström',
      agent: ERIK,
      scope,
      scopeLabel: 'Kjellstavik Eken 1:21',
      validUntil: '2027-03-05',
    });
    expect(text).toContain('Jag, Lars Holmberg, ger Erik Nyström (19810326-9299) fullmakt');
    expect(text).toContain('för fastigheten Kjellstavik Eken 1:21');
    expect(text).toContain('till och med 2027-03-05');
    const protectedAgent = powerOfAttorneySignText({
      principalName: 'Lars Holmberg',
      agentName: null,
      agent: ERIK,
      scope: { kind: 'case', caseId: '00000000-0000-4000-8000-000000000001' },
      scopeLabel: 'BN 2026-000001, Kjellstavik Eken 1:21',
      validUntil: '2027-03-05',
    });
    expect(protectedAgent).toContain('ger 19810326-9299 fullmakt');
    expect(protectedAgent).toContain('för ärende BN 2026-000001');
  });

  it('binds its signature to the power itself: another agent, scope or day is another hash input', () => {
    const power = {
      id: '00000000-0000-4000-8000-000000000002',
      principal: LARS,
      agent: ERIK,
      scope,
      validUntil: '2027-03-05',
    };
    const base = powerOfAttorneyCanonical(power);
    expect(powerOfAttorneyCanonical({ ...power })).toBe(base);
    expect(powerOfAttorneyCanonical({ ...power, validUntil: '2027-03-06' })).not.toBe(base);
    expect(powerOfAttorneyCanonical({ ...power, agent: '199207022394' })).not.toBe(base);
    expect(powerOfAttorneyCanonical({ ...power, scope: { kind: 'case', caseId: power.id } })).not.toBe(base);
  });
});
