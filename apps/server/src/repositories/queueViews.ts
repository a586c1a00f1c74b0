import { randomUUID } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import {
  MAX_SAVED_QUEUE_VIEWS,
  QueueViewParamsSchema,
  type SavedQueueView,
  type SavedQueueViewInput,
} from '@lovisa/domain';
import type { Db } from '../db/database';
import { appError, notFound } from '../errors';
import { queueViews } from '../db/schema';

type ViewRow = typeof queueViews.$inferSelect;

function toView(row: ViewRow): SavedQueueView {
  // A stored view whose parameters no longer parse (a filter since removed) opens as the plain queue.
  const params = QueueViewParamsSchema.safeParse(row.params);
  return {
    id: row.id,
    name: row.name,
    params: params.success ? params.data : {},
    createdAt: row.createdAt.toISOString(),
  };
}

/** The officer's own saved views, by name. */
export async function viewsOf(db: Db, officer: string): Promise<SavedQueueView[]> {
  const rows = await db
    .select()
    .from(queueViews)
    .where(eq(queueViews.officerPersonnummer, officer))
    .orderBy(asc(queueViews.name));
  return rows.map(toView);
}

/**
 * Saves a view under its name: a name the officer already uses gets the new parameters. One transaction with
 * the count, so two saves at once cannot pass the limit together… nearly: the limit is a convenience, not a
 * security boundary, and the unique name index keeps the rows consistent either way.
 */
export async function saveView(db: Db, officer: string, input: SavedQueueViewInput, at: Date): Promise<SavedQueueView> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: queueViews.id })
      .from(queueViews)
      .where(and(eq(queueViews.officerPersonnummer, officer), eq(queueViews.name, input.name)));
    if (!existing) {
      const [n] = await tx.select({ n: count() }).from(queueViews).where(eq(queueViews.officerPersonnummer, officer));
      if ((n?.n ?? 0) >= MAX_SAVED_QUEUE_VIEWS)
        throw appError('conflict', 'server.queueView.tooMany', { max: MAX_SAVED_QUEUE_VIEWS });
    }
    const [row] = await tx
      .insert(queueViews)
      .values({ id: randomUUID(), officerPersonnummer: officer, name: input.name, params: input.params, createdAt: at })
      .onConflictDoUpdate({
        target: [queueViews.officerPersonnummer, queueViews.name],
        set: { params: input.params, createdAt: at },
      })
      .returning();
    return toView(row!);
  });
}

/** Deletes one of the officer's views; another officer's view answers as a missing one. */
export async function deleteView(db: Db, officer: string, id: string): Promise<void> {
  const deleted = await db
    .delete(queueViews)
    .where(and(eq(queueViews.id, id), eq(queueViews.officerPersonnummer, officer)))
    .returning({ id: queueViews.id });
  if (deleted.length === 0) throw notFound('queueView');
}
