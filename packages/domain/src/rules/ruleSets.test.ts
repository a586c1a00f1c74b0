import { describe, expect, it } from 'vitest';
import { RuleSetSchema } from './ruleSet';
import { ruleSetFor, ruleSets } from './ruleSets';

describe('the rule sets', () => {
  // The sets are not parsed when the module loads (a cost on every page), so this is where they are checked.
  it.each(ruleSets.map((r) => [r.id, r] as const))(
    '%s is a valid rule set, with every default written out',
    (_id, set) => {
      expect(RuleSetSchema.parse(set)).toEqual(set);
    },
  );

  it('are in date order, with distinct ids and first days', () => {
    const days = ruleSets.map((r) => r.effectiveFrom);
    expect(days).toEqual([...days].sort());
    expect(new Set(days).size).toBe(days.length);
    expect(new Set(ruleSets.map((r) => r.id)).size).toBe(ruleSets.length);
  });

  it('a set missing a default is caught', () => {
    const { ruralOnly: _dropped, ...tier } = ruleSets[0]!.exemptions.outbuilding[0]!;
    const broken = { ...ruleSets[0]!, exemptions: { ...ruleSets[0]!.exemptions, outbuilding: [tier] } };
    expect(RuleSetSchema.parse(broken)).not.toEqual(broken);
  });

  it('picks the set in force on a day', () => {
    expect(ruleSetFor('2018-12-31')).toBeUndefined();
    expect(ruleSetFor('2020-07-31')?.id).toBe('pbl-2019-01-01');
    expect(ruleSetFor('2020-08-01')?.id).toBe('pbl-2020-08-01');
    expect(ruleSetFor('2025-12-01')?.id).toBe('pbl-2025-12-01');
  });
});
