import { describe, expect, it } from 'vitest';
import {
  formatOrganisationsnummer,
  isValidOrganisationsnummer,
  normalizeOrganisationsnummer,
  organisationRecipientLines,
  signingOf,
  type Functionary,
} from './organisation';

const ANNA = '198202029289';
const ERIK = '198103269299';
const GUSTAV = '193502234796';
const EVA = '193703119168';
const f = (personnummer: string, ...roles: Functionary['roles']): Functionary => ({
  personnummer,
  givenName: 'X',
  surname: 'Y',
  roles,
});
const board = [f(ANNA, 'OF'), f(ERIK, 'LE'), f(GUSTAV, 'LE'), f(EVA, 'SU')];

describe('organisationsnummer', () => {
  it.each([
    ['7696001234', true, 'a bostadsrättsförening (7), Luhn over nine digits'],
    ['5596900174', true, 'an aktiebolag (5)'],
    ['7696001235', false, 'wrong check digit'],
    ['7606001234', false, 'third digit below 2: a date, not an organisation'],
    ['769600123', false, 'nine digits'],
    ['76960012345', false, 'eleven digits'],
    ['769600-1234', false, 'the dash is not stored'],
  ])('%s → %s (%s)', (value, valid) => {
    expect(isValidOrganisationsnummer(value)).toBe(valid);
  });

  it('reads the forms people type and writes the register’s', () => {
    expect(normalizeOrganisationsnummer(' 769600-1234 ')).toBe('7696001234');
    expect(normalizeOrganisationsnummer('167696001234')).toBe('7696001234');
    expect(normalizeOrganisationsnummer('769600-1235')).toBeNull();
    expect(formatOrganisationsnummer('7696001234')).toBe('769600-1234');
  });
});

describe('firmateckning: the register’s text as a signing rule', () => {
  it.each([
    {
      name: 'two jointly of the board members (a bostadsrättsförening)',
      text: 'Firman tecknas av styrelsen. Firman tecknas två i förening av ledamöterna.',
      expected: { signatories: [ANNA, ERIK, GUSTAV], rule: { kind: 'jointly', count: 2 } },
    },
    {
      name: 'three jointly of the styrelseledamöterna',
      text: 'Firman tecknas av styrelsen. Firman tecknas tre i förening av styrelseledamöterna.',
      expected: { signatories: [ANNA, ERIK, GUSTAV], rule: { kind: 'jointly', count: 3 } },
    },
    {
      name: 'any board member alone',
      text: 'Firman tecknas av styrelsen. Firman tecknas av ledamöterna var för sig.',
      expected: { signatories: [ANNA, ERIK, GUSTAV], rule: { kind: 'alone' } },
    },
    {
      name: 'the whole board jointly when that is all it says',
      text: 'Firman tecknas av styrelsen.',
      expected: { signatories: [ANNA, ERIK, GUSTAV], rule: { kind: 'jointly', count: 3 } },
    },
    {
      name: 'more jointly than the board has members: not readable',
      text: 'Firman tecknas fyra i förening av ledamöterna.',
      expected: null,
    },
    {
      name: 'a phrasing it does not know: null, never a guess',
      text: 'Firman tecknas av styrelsen jämte en av prokuristerna.',
      expected: null,
    },
  ])('$name', ({ text, expected }) => {
    expect(signingOf({ signingText: text, functionaries: board })).toEqual(expected);
  });

  it('the VD alone, and the sole member of a small board alone; a suppleant never', () => {
    const ab = [f(ANNA, 'LE', 'VD'), f(EVA, 'SU')];
    expect(
      signingOf({
        signingText: 'Firman tecknas av styrelsen. Verkställande direktören tecknar firman ensam.',
        functionaries: [f(ERIK, 'LE'), f(GUSTAV, 'LE'), f(ANNA, 'VD')],
      }),
    ).toEqual({ signatories: [ANNA], rule: { kind: 'alone' } });
    expect(signingOf({ signingText: 'Firman tecknas av styrelsen.', functionaries: ab })).toEqual({
      signatories: [ANNA],
      rule: { kind: 'alone' },
    });
    expect(signingOf({ signingText: 'Firman tecknas av styrelsen.', functionaries: [f(EVA, 'SU')] })).toBeNull();
  });
});

describe('a letter to an organisation that applied', () => {
  it('is addressed to the organisation, "genom" its signatory, at its registered address', () => {
    const org = {
      orgnr: '7696900427',
      name: 'Bostadsrättsföreningen Sjöbris i Kjellstavik',
      address: { street: 'Sjöbrisvägen 1', postalCode: '742 31', city: 'Kjellstavik' },
      signatoryName: 'Henrik Sjödin',
    };
    expect(organisationRecipientLines(org)).toEqual([
      'Bostadsrättsföreningen Sjöbris i Kjellstavik',
      'genom Henrik Sjödin',
      'Sjöbrisvägen 1',
      '742 31 Kjellstavik',
    ]);
    // A signatory with protected identity is not named; an organisation without an address has none.
    expect(organisationRecipientLines({ ...org, signatoryName: null, address: null })).toEqual([
      'Bostadsrättsföreningen Sjöbris i Kjellstavik',
    ]);
  });
});
