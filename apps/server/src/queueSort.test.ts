import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { QueueQuerySchema, type QueueItem, type QueueViewParams } from '@lovisa/domain';
import { createTestDatabase, dbKinds, type TestDatabase } from './test/databases';
import { queueOfTeam, queuePageRows, queueWhere } from './repositories/cases';

const TEAM = 'bygglov';
const OSKAR = '198306219299';
const SARA = '196506232880';
const TODAY = new Date('2026-12-04T10:00:00+01:00');
const statusOrder = ['received', 'awaitingCompletion', 'proposed', 'decided', 'withdrawn'];
const closed = (status: string) => status === 'decided' || status === 'withdrawn';

interface Seeded {
  id: string;
  diary: string;
  designation: string;
  status: string;
  received: string;
  deadline: string;
  deviation: boolean;
  consentMissing: boolean;
  consentPresent: boolean;
  unread: boolean;
  assignedTo: string | null;
  hearingRunning: boolean;
}

/**
 * The queue's orders and flags (repositories/cases.ts queueOfTeam) against a plain reading of the same rows,
 * and each order's first page served by an index of its own (no sort over the team).
 */
describe.each(dbKinds)('queue sorting and flags on %s', (kind) => {
  let t: TestDatabase;
  let seeded: Seeded[];
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    // 240 cases with repeating deadlines, receipt days and designations, so every order needs its tie-breaks.
    await t.database.db.execute(sql`
      insert into cases (id, diary_number, applicant_personnummer, applicant_name, property_id, property_designation,
        measure, application, status, team_id, received_at, decision_deadline, deviation, neighbour_consent_missing,
        neighbour_consent_present, completion_unread, assigned_to, assigned_name, clock)
      select gen_random_uuid(), 'BN 2026-' || lpad(i::text, 6, '0'), '194910071301', 'Test Testsson', gen_random_uuid(),
        'Kjellstavik ' || (array['Almen','Eken','Linden','Aspen'])[1 + (i * 5) % 4] || ' 1:' || (1 + (i * 11) % 9),
        'outbuilding', '{}'::jsonb, status, case when i % 8 = 0 then 'landsbygd' else ${TEAM} end,
        timestamptz '2026-09-01 09:00+02' + ((i * 13) % 60) * interval '1 day', date '2026-12-01' + (i * 7) % 50,
        i % 5 = 0, i % 7 = 0, i % 11 = 0, i % 6 = 0,
        case when i % 4 = 0 then null when i % 2 = 0 then ${OSKAR} else ${SARA} end,
        case when i % 4 = 0 then null when i % 2 = 0 then 'Oskar Wallin' else 'Sara Lund' end,
        jsonb_build_object('procedure', 'permit', 'received', '2026-10-01', 'completionOrders', '[]'::jsonb, 'extension', null, 'decidedOn', null)
      from (select i, (${sql.raw(`array['${statusOrder.join("','")}']`)})[1 + (i * 3) % 5] as status
            from generate_series(1, 240) as i) g`);
    await t.database.db.execute(sql`
      insert into case_hearings (case_id, reply_by, closed_on, state)
      select id, date '2026-12-20', case when row_number() over (order by diary_number) % 2 = 0 then date '2026-12-01' end, '{}'::jsonb
      from cases where diary_number ~ '[24]$' and team_id = ${TEAM}`);
    seeded = (
      await rows<Record<string, unknown>>(sql`
        select c.id, c.diary_number, c.property_designation, c.status, to_char(c.received_at, 'YYYY-MM-DD"T"HH24:MI:SS') as received,
          c.decision_deadline::text as deadline, c.deviation, c.neighbour_consent_missing, c.neighbour_consent_present,
          c.completion_unread, c.assigned_to, (h.case_id is not null and h.closed_on is null) as hearing_running
        from cases c left join case_hearings h on h.case_id = c.id where c.team_id = ${TEAM}`)
    ).map((r) => ({
      id: String(r.id),
      diary: String(r.diary_number),
      designation: String(r.property_designation),
      status: String(r.status),
      received: String(r.received),
      deadline: String(r.deadline),
      deviation: r.deviation === true,
      consentMissing: r.neighbour_consent_missing === true,
      consentPresent: r.neighbour_consent_present === true,
      unread: r.completion_unread === true,
      assignedTo: (r.assigned_to as string | null) ?? null,
      hearingRunning: r.hearing_running === true,
    }));
  });
  afterAll(async () => {
    await t?.drop();
  });

  const queue = (params: QueueViewParams & { pageSize?: number; page?: number }, viewer = OSKAR) =>
    queueOfTeam(t.database.db, TEAM, QueueQuerySchema.parse({ pageSize: 100, ...params }), viewer, TODAY);
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  /** The order each sort promises, written out plainly; ties always end on the diary number. */
  const expected: Record<string, (a: Seeded, b: Seeded) => number> = {
    'daysLeft asc': (a, b) =>
      cmp(+closed(a.status), +closed(b.status)) ||
      cmp(a.deadline, b.deadline) ||
      cmp(a.received, b.received) ||
      cmp(a.diary, b.diary),
    'daysLeft desc': (a, b) =>
      cmp(+closed(a.status), +closed(b.status)) ||
      cmp(b.deadline, a.deadline) ||
      cmp(b.received, a.received) ||
      cmp(b.diary, a.diary),
    'received asc': (a, b) => cmp(a.received, b.received) || cmp(a.diary, b.diary),
    'received desc': (a, b) => cmp(b.received, a.received) || cmp(b.diary, a.diary),
    'designation asc': (a, b) => cmp(a.designation, b.designation) || cmp(a.diary, b.diary),
    'designation desc': (a, b) => cmp(b.designation, a.designation) || cmp(b.diary, a.diary),
    'status asc': (a, b) =>
      cmp(statusOrder.indexOf(a.status), statusOrder.indexOf(b.status)) ||
      cmp(a.deadline, b.deadline) ||
      cmp(a.diary, b.diary),
    'status desc': (a, b) =>
      cmp(statusOrder.indexOf(b.status), statusOrder.indexOf(a.status)) ||
      cmp(b.deadline, a.deadline) ||
      cmp(b.diary, a.diary),
  };

  it.each(Object.keys(expected))('sorts by %s, page after page', async (order) => {
    const [sort, dir] = order.split(' ') as ['daysLeft', 'asc'];
    const want = [...seeded].sort(expected[order]).map((s) => s.diary);
    const first = await queue({ sort, dir, pageSize: 40 });
    const second = await queue({ sort, dir, pageSize: 40, page: 2 });
    expect(first.total).toBe(seeded.length);
    expect([...first.items, ...second.items].map((i) => i.diaryNumber)).toEqual(want.slice(0, 80));
  });

  const flagged: [NonNullable<QueueViewParams['flag']>, (s: Seeded) => boolean][] = [
    ['deviation', (s) => s.deviation],
    ['consentMissing', (s) => s.consentMissing && !closed(s.status)],
    ['consentPresent', (s) => s.consentPresent],
    ['completionUnread', (s) => s.unread && !closed(s.status)],
    ['hearing', (s) => s.hearingRunning && !closed(s.status)],
  ];
  it.each(flagged)('filters by the flag %s, and each item shows it', async (flag, has) => {
    const want = seeded.filter(has);
    expect(want.length).toBeGreaterThan(0);
    const page = await queue({ flag });
    expect(page.total).toBe(want.length);
    expect(page.items.map((i) => i.diaryNumber).sort()).toEqual(want.map((s) => s.diary).sort());
    const shows: Record<typeof flag, (i: QueueItem) => boolean> = {
      deviation: (i) => i.deviation,
      consentMissing: (i) => i.neighbourConsentMissing,
      consentPresent: (i) => i.neighbourConsentPresent,
      completionUnread: (i) => i.completionUnread,
      hearing: (i) => i.hearingUntil === '2026-12-20',
    };
    expect(page.items.every(shows[flag])).toBe(true);
  });

  it('keeps the older spelling deviation=true and combines it with a flag', async () => {
    const page = await queue({ deviation: 'true', flag: 'consentPresent' });
    expect(page.total).toBe(seeded.filter((s) => s.deviation && s.consentPresent).length);
    expect(page.total).toBeGreaterThan(0);
  });

  it('filters by assignee: mine, unassigned (open ones), with a status', async () => {
    const mine = await queue({ scope: 'mine' });
    expect(mine.total).toBe(seeded.filter((s) => s.assignedTo === OSKAR).length);
    expect(mine.items.every((i) => i.assignedTo?.name === 'Oskar Wallin')).toBe(true);
    const saras = await queue({ scope: 'mine' }, SARA);
    expect(saras.items.every((i) => i.assignedTo?.name === 'Sara Lund')).toBe(true);
    const unassigned = await queue({ scope: 'unassigned', status: 'received' });
    expect(unassigned.total).toBe(seeded.filter((s) => s.assignedTo === null && s.status === 'received').length);
    expect(unassigned.items.every((i) => i.assignedTo === null && i.status === 'received')).toBe(true);
  });

  it('gives days left from the domain clock, and the received day', async () => {
    const [item] = (await queue({ pageSize: 1 })).items;
    // Every seeded clock says received 2026-10-01, a permit: ten weeks, whatever the row's sort column says.
    expect(item!.clock.deadline).toBe('2026-12-10');
    expect(item!.clock.daysLeft).toBe(6);
    expect(item!.receivedAt).toMatch(/^2026-(09|10|11)-/);
  });

  /** The plan of a first page, with sequential scans and sorts priced out: what remains shows the index used. */
  const planOf = async (params: QueueViewParams) => {
    const query = QueueQuerySchema.parse(params);
    const built = queuePageRows(t.database.db, queueWhere(TEAM, query, OSKAR), query).toSQL();
    return t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const explained = await tx.execute(sql.raw(`explain ${inline(built.sql, built.params)}`));
      return (explained as unknown as { rows: Record<string, unknown>[] }).rows
        .map((r) => String(Object.values(r)[0]))
        .join('\n');
    });
  };
  it.each([
    [{}, 'cases_queue_idx'],
    [{ sort: 'daysLeft', dir: 'desc' }, 'cases_queue_deadline_desc_idx'],
    [{ sort: 'received', dir: 'desc' }, 'cases_queue_received_idx'],
    [{ sort: 'received' }, 'cases_queue_received_idx'],
    [{ sort: 'designation' }, 'cases_queue_designation_idx'],
    [{ sort: 'status', dir: 'desc' }, 'cases_queue_status_rank_idx'],
    [{ flag: 'deviation' }, 'cases_flag_deviation_idx'],
    [{ flag: 'completionUnread' }, 'cases_flag_completion_unread_idx'],
    [{ flag: 'consentPresent' }, 'cases_flag_consent_present_idx'],
    [{ flag: 'consentMissing' }, 'cases_flag_consent_missing_idx'],
  ] as [QueueViewParams, string][])('reads the first page of %o from %s without sorting', async (params, index) => {
    const plan = await planOf(params);
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/\bSort\b/);
  });
});

/** The statement with its parameters written in, for EXPLAIN (drizzle numbers them $1, $2…). */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const v = params[Number(n) - 1];
    return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
}
