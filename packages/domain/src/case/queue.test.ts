import { describe, expect, it } from 'vitest';
import {
  QueueQuerySchema,
  QueueViewParamsSchema,
  SavedQueueViewInputSchema,
  opensCompletion,
  queueFlagsOf,
  queueViewQuery,
} from './queue';

describe('the queue query', () => {
  it('fills in the default view: the team, soonest deadline first, page 1 of 25', () => {
    expect(QueueQuerySchema.parse({})).toEqual({ page: 1, pageSize: 25, scope: 'team', sort: 'daysLeft', dir: 'asc' });
  });

  it('takes the URL strings as they come', () => {
    const q = QueueQuerySchema.parse({ page: '3', sort: 'received', dir: 'desc', flag: 'hearing', scope: 'mine' });
    expect(q).toMatchObject({ page: 3, sort: 'received', dir: 'desc', flag: 'hearing', scope: 'mine' });
  });

  it.each([
    ['sort', { sort: 'applicant' }],
    ['dir', { dir: 'up' }],
    ['flag', { flag: 'urgent' }],
    ['scope', { scope: 'everyone' }],
    ['pageSize', { pageSize: '1000' }],
    ['q', { q: 'x'.repeat(101) }],
  ])('refuses an unknown or oversized %s', (path, input) => {
    const parsed = QueueQuerySchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([path]);
  });

  it('reads a flag from either spelling, once', () => {
    expect(queueFlagsOf({ flag: 'deviation', deviation: 'true', consentMissing: 'true' })).toEqual([
      'deviation',
      'consentMissing',
    ]);
    expect(queueFlagsOf({})).toEqual([]);
  });

  it('writes a view as a link without its defaults, and reads the link back to the same view', () => {
    const view = { scope: 'team', sort: 'status', dir: 'asc', flag: 'completionUnread', q: 'Eken' } as const;
    const query = queueViewQuery(view);
    expect(query).toEqual({ sort: 'status', flag: 'completionUnread', q: 'Eken' });
    expect(QueueQuerySchema.parse(query)).toMatchObject(view);
    expect(queueViewQuery({ scope: 'team', sort: 'daysLeft', dir: 'asc' })).toEqual({});
  });
});

describe('a saved view', () => {
  it('needs a name of at most 60 characters, and parameters the queue knows', () => {
    expect(
      SavedQueueViewInputSchema.safeParse({ name: '  Mina avvikelser ', params: { flag: 'deviation' } }).data,
    ).toEqual({
      name: 'Mina avvikelser',
      params: { flag: 'deviation' },
    });
    expect(SavedQueueViewInputSchema.safeParse({ name: ' ', params: {} }).error?.issues[0]?.message).toBe(
      'form.queueView.nameMissing',
    );
    expect(SavedQueueViewInputSchema.safeParse({ name: 'x'.repeat(61), params: {} }).error?.issues[0]?.message).toBe(
      'form.queueView.nameTooLong',
    );
    expect(QueueViewParamsSchema.safeParse({ sort: 'nonsense' }).success).toBe(false);
  });
});

describe('who reads an arrived completion', () => {
  it('is the assigned officer, or anyone while nobody has the case', () => {
    expect(opensCompletion('198306219299', '198306219299')).toBe(true);
    expect(opensCompletion(null, '196506232880')).toBe(true);
    expect(opensCompletion('198306219299', '196506232880')).toBe(false);
  });
});
