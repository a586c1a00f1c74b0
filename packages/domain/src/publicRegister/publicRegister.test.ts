import { describe, expect, it } from 'vitest';
import { toWgs84 } from '@lovisa/geo/projection';
import {
  PublicRegisterEntrySchema,
  PublicRegisterQuerySchema,
  publication,
  publicRegisterEntry,
  publicStatusOf,
  registerFeature,
  type RegisterCase,
} from './index';

const today = '2026-11-23';
const base: RegisterCase = {
  id: '6f1c7f0e-1111-4c2a-9e11-0a1b2c3d4e23',
  diaryNumber: 'BN 2026-000007',
  propertyDesignation: 'Kjellstavik Eken 1:23',
  measure: 'outbuilding',
  procedure: 'permit',
  status: 'received',
  outcome: null,
  receivedOn: '2026-10-01',
  decidedOn: null,
  announcedOn: null,
  startApprovedOn: null,
  footprints: [
    {
      type: 'Polygon',
      coordinates: [
        [
          [616000, 6600000],
          [616008, 6600000],
          [616008, 6600007],
          [616000, 6600007],
          [616000, 6600000],
        ],
      ],
    },
  ],
  protectedParty: false,
};
const diary = { publishDiary: true };
const announcedOnly = { publishDiary: false };

describe('the announcement rule', () => {
  const rows: [string, Partial<RegisterCase>, boolean, ReturnType<typeof publication>][] = [
    ['in handling, diary published', {}, true, { listed: true, reason: 'diary' }],
    ['in handling, diary not published', {}, false, { listed: false, reason: 'notAnnounced' }],
    ['awaiting completion, diary published', { status: 'awaitingCompletion' }, true, { listed: true, reason: 'diary' }],
    [
      'granted and announced, diary not published',
      { status: 'decided', outcome: 'approved', decidedOn: '2026-11-02', announcedOn: '2026-11-02' },
      false,
      { listed: true, reason: 'announced' },
    ],
    [
      'granted, announcement still to come, diary not published',
      { status: 'decided', outcome: 'approved', decidedOn: '2026-11-23', announcedOn: '2026-11-24' },
      false,
      { listed: false, reason: 'notAnnounced' },
    ],
    [
      'refused (never announced), diary published',
      { status: 'decided', outcome: 'refused', decidedOn: '2026-11-02' },
      true,
      { listed: true, reason: 'diary' },
    ],
    [
      'refused (never announced), diary not published',
      { status: 'decided', outcome: 'refused', decidedOn: '2026-11-02' },
      false,
      { listed: false, reason: 'notAnnounced' },
    ],
    ['withdrawn, diary published', { status: 'withdrawn' }, true, { listed: true, reason: 'diary' }],
    [
      'protected party, in handling, diary published',
      { protectedParty: true },
      true,
      { listed: false, reason: 'protectedIdentity' },
    ],
    [
      'protected party, granted and announced',
      { protectedParty: true, status: 'decided', outcome: 'approved', announcedOn: '2026-11-02' },
      true,
      { listed: false, reason: 'protectedIdentity' },
    ],
  ];
  it.each(rows)('%s', (_name, change, publishDiary, expected) => {
    expect(publication({ ...base, ...change }, { publishDiary }, today)).toEqual(expected);
    const entry = publicRegisterEntry({ ...base, ...change }, { publishDiary }, today, toWgs84);
    expect(entry === null).toBe(!expected.listed);
  });
});

describe('public status', () => {
  const rows: [Pick<RegisterCase, 'status' | 'outcome' | 'procedure'>, string][] = [
    [{ status: 'received', outcome: null, procedure: 'permit' }, 'received'],
    [{ status: 'awaitingCompletion', outcome: null, procedure: 'permit' }, 'received'],
    [{ status: 'proposed', outcome: null, procedure: 'permit' }, 'received'],
    [{ status: 'decided', outcome: 'approved', procedure: 'permit' }, 'granted'],
    [{ status: 'decided', outcome: 'refused', procedure: 'permit' }, 'refused'],
    [{ status: 'decided', outcome: 'dismissed', procedure: 'permit' }, 'dismissed'],
    [{ status: 'decided', outcome: 'approved', procedure: 'notification' }, 'startApproval'],
    [{ status: 'decided', outcome: 'startApproval', procedure: 'notification' }, 'startApproval'],
    [{ status: 'decided', outcome: 'refused', procedure: 'notification' }, 'startApprovalRefused'],
    [{ status: 'withdrawn', outcome: null, procedure: 'permit' }, 'withdrawn'],
  ];
  it.each(rows)('%o is %s', (c, expected) => expect(publicStatusOf(c)).toBe(expected));
});

describe('an entry', () => {
  it('carries the case facts, a point in both systems and the drawing, and nothing of a person', () => {
    const e = publicRegisterEntry(
      { ...base, status: 'decided', outcome: 'approved', decidedOn: '2026-11-02', announcedOn: '2026-11-02' },
      announcedOnly,
      today,
      toWgs84,
    )!;
    expect(PublicRegisterEntrySchema.parse(e)).toEqual(e);
    expect(e).toMatchObject({
      status: 'granted',
      statusLabel: { sv: 'Bygglov beviljat' },
      decidedOn: '2026-11-02',
      announcedOn: '2026-11-02',
      location: { sweref99tm: [616004, 6600003.5] },
    });
    // Kjellstavik's fixtures lie near 17° E, 59.5° N.
    const [lon, lat] = e.location!.wgs84;
    expect(lon).toBeGreaterThan(15);
    expect(lon).toBeLessThan(19);
    expect(lat).toBeGreaterThan(58);
    expect(lat).toBeLessThan(61);
    expect(Object.keys(e).sort()).toEqual(
      [
        'announcedOn',
        'decidedOn',
        'diaryNumber',
        'footprint',
        'id',
        'location',
        'measure',
        'measureLabel',
        'procedure',
        'propertyDesignation',
        'receivedOn',
        'startApprovedOn',
        'status',
        'statusLabel',
      ].sort(),
    );
  });

  it('shows no announcement day before the day has come, and no location without a drawing', () => {
    const e = publicRegisterEntry(
      { ...base, status: 'decided', outcome: 'approved', announcedOn: '2026-12-01', footprints: [] },
      diary,
      today,
      toWgs84,
    )!;
    expect(e.announcedOn).toBeNull();
    expect(e.location).toBeNull();
    expect(e.footprint).toBeNull();
    expect(registerFeature(e, toWgs84).geometry).toBeNull();
  });

  it('becomes an RFC 7946 feature in longitude, latitude, closed rings kept', () => {
    const e = publicRegisterEntry(base, diary, today, toWgs84)!;
    const f = registerFeature(e, toWgs84);
    expect(f.type).toBe('Feature');
    expect(f.id).toBe(base.id);
    expect(f.properties).not.toHaveProperty('location');
    expect(f.properties).not.toHaveProperty('footprint');
    const g = f.geometry!;
    const ring = g.type === 'MultiPolygon' ? g.coordinates[0]![0]! : [];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(ring[0]![0]).toBeLessThan(ring[0]![1]); // longitude first
  });
});

describe('the query', () => {
  it('defaults and coerces', () => {
    expect(PublicRegisterQuerySchema.parse({})).toMatchObject({ page: 1, limit: 25 });
    expect(PublicRegisterQuerySchema.parse({ page: '2', limit: '10', status: 'granted' })).toMatchObject({
      page: 2,
      limit: 10,
      status: 'granted',
    });
  });
  it.each([
    [{ page: '0' }],
    [{ limit: '101' }],
    [{ status: 'approved' }],
    [{ receivedFrom: '2026-13-01' }],
    [{ receivedFrom: '2026-11-02', receivedTo: '2026-11-01' }],
    [{ decidedFrom: '2026-11-02', decidedTo: '2026-11-01' }],
    [{ applicant: 'Anna' }],
  ])('refuses %o', (q) => expect(PublicRegisterQuerySchema.safeParse(q).success).toBe(false));
});
