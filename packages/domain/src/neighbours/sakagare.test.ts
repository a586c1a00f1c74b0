import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '@lovisa/geo';
import type { Person } from '../person';
import { DEFAULT_SAKAGARE_DISTANCE_M, propertyGap, selectSakagare, type SakagareCandidate } from './sakagare';

// Plots 20 × 30 m in a row along a 10 m street, EPSG:3006-like coordinates.
const E = 620_000;
const N = 6_650_000;
const plot = (e: number, n: number, w = 20, d = 30): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [E + e, N + n],
        [E + e + w, N + n],
        [E + e + w, N + n + d],
        [E + e, N + n + d],
        [E + e, N + n],
      ],
    ],
  ],
});
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const person = (pnr: string, givenName: string, protectedIdentity = false): Person => ({
  personnummer: pnr,
  givenName,
  surname: 'Test',
  address: protectedIdentity ? null : { street: `${givenName}vägen 1`, postalCode: '742 31', city: 'Kjellstavik' },
  protectedIdentity,
});
const candidate = (n: number, boundary: MultiPolygon, owners: Person[]): SakagareCandidate => ({
  property: { id: id(n), designation: `Kjellstavik Test 1:${n}`, address: `Testvägen ${n}`, boundary },
  owners: owners.map((p) => ({ personnummer: p.personnummer, share: `1/${owners.length}`, person: p })),
});

const applicant = person('198202029289', 'Anna');
const lars = person('195002281839', 'Lars');
const maria = person('196411193086', 'Maria');
const per = person('194509123412', 'Per');
const karin = person('197908109288', 'Karin', true);
const gustav = person('193502234796', 'Gustav');
const erik = person('198103269299', 'Erik');

const site = { id: id(1), boundary: plot(0, 0) };
const candidates = [
  candidate(1, site.boundary, [applicant]),
  candidate(2, plot(20, 0), [maria, per]), // adjoining east, co-owned
  candidate(3, plot(-20, 0), [karin]), // adjoining west, protected identity
  candidate(4, plot(0, 40), [lars]), // across the 10 m street
  candidate(5, plot(0, 80), [gustav]), // the next row: 50 m away
  candidate(6, plot(20, -30), [applicant]), // the applicant's own plot, touching a corner
  candidate(7, plot(-40, 40), [erik]), // across the street, diagonally: 20 m + 10 m apart
];

describe('selectSakagare', () => {
  const found = selectSakagare({ site, candidates, applicants: [applicant.personnummer], distanceM: 15 });
  const byDesignation = new Map(found.map((p) => [p.designation, p]));

  it('takes adjoining plots and plots across the street, not the next row or a diagonal beyond the distance', () => {
    expect(found.map((p) => [p.designation, p.relation, p.distanceM])).toEqual([
      ['Kjellstavik Test 1:2', 'adjoining', 0],
      ['Kjellstavik Test 1:3', 'adjoining', 0],
      ['Kjellstavik Test 1:4', 'nearby', 10],
    ]);
  });

  it('counts each co-owner, with the share the register gives', () => {
    expect(byDesignation.get('Kjellstavik Test 1:2')!.owners.map((o) => [o.name, o.share, o.delivery])).toEqual([
      ['Maria Test', '1/2', 'post'],
      ['Per Test', '1/2', 'post'],
    ]);
  });

  it('gives a protected identity neither name nor address, and sends the letter through the forwarding path', () => {
    const [owner] = byDesignation.get('Kjellstavik Test 1:3')!.owners;
    expect(owner).toEqual({
      personnummer: karin.personnummer,
      name: null,
      address: null,
      protectedIdentity: true,
      share: '1/1',
      holds: 'ownership',
      delivery: 'forwarding',
    });
  });

  it('hears the holder of a site leasehold (tomträtt) beside the owner', () => {
    const leased: SakagareCandidate = {
      ...candidate(8, plot(0, -30), [lars]),
      owners: [
        { personnummer: lars.personnummer, share: '1/1', person: lars, holds: 'ownership' },
        { personnummer: erik.personnummer, share: '1/1', person: erik, holds: 'siteLeasehold' },
      ],
    };
    const [p] = selectSakagare({ site, candidates: [leased], applicants: [applicant.personnummer], distanceM: 15 });
    expect(p!.owners.map((o) => [o.name, o.holds])).toEqual([
      ['Lars Test', 'ownership'],
      ['Erik Test', 'siteLeasehold'],
    ]);
  });

  it('never hears the applicant: neither the site nor their own plot next to it', () => {
    expect(found.some((p) => p.owners.some((o) => o.personnummer === applicant.personnummer))).toBe(false);
    expect(byDesignation.has('Kjellstavik Test 1:6')).toBe(false);
    // Someone else co-owning the applicant's neighbouring plot is still heard.
    const shared = selectSakagare({
      site,
      candidates: [candidate(6, plot(20, -30), [applicant, erik])],
      applicants: [applicant.personnummer],
      distanceM: 15,
    });
    expect(shared.map((p) => p.owners.map((o) => o.name))).toEqual([['Erik Test']]);
  });

  it('with distance 0 keeps only the adjoining plots; a wider distance reaches the next row', () => {
    const adjoining = selectSakagare({ site, candidates, applicants: [applicant.personnummer], distanceM: 0 });
    expect(adjoining.map((p) => p.relation)).toEqual(['adjoining', 'adjoining']);
    const wide = selectSakagare({ site, candidates, applicants: [applicant.personnummer], distanceM: 50 });
    expect(wide.map((p) => p.designation)).toContain('Kjellstavik Test 1:5');
  });

  it('reaches across an ordinary street by default', () => {
    expect(DEFAULT_SAKAGARE_DISTANCE_M).toBeGreaterThanOrEqual(10);
    expect(propertyGap(site.boundary, plot(0, 40))).toBeLessThanOrEqual(DEFAULT_SAKAGARE_DISTANCE_M);
    expect(propertyGap(site.boundary, plot(0, 80))).toBeGreaterThan(DEFAULT_SAKAGARE_DISTANCE_M);
  });

  it('measures a plot in two parts from its nearest part', () => {
    const twoParts: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [...plot(200, 0).coordinates, ...plot(0, 35).coordinates],
    };
    expect(propertyGap(twoParts, site.boundary)).toBeCloseTo(5, 6);
  });
});
