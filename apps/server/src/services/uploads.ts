import {
  answerRefusal,
  type CaseStatus,
  MAX_OTHER_ATTACHMENTS,
  type AttachmentInfo,
  type AttachmentSlot,
} from '@lovisa/domain';
import type { Readable } from 'node:stream';
import type { Registers } from '@lovisa/registry';
import type { AttachmentStore } from '../attachments/store';
import type { Db } from '../db/database';
import { appError, notFound } from '../errors';
import {
  countOfType,
  emptySlot,
  insertAttachment,
  isSlotTaken,
  lockDraft,
  toAttachmentInfo,
  type Slot,
  type SlotOwner,
} from '../repositories/attachments';
import { completionRequestOf, lockCase } from '../repositories/cases';
import { caseProblemError } from './caseCommands';

export interface UploadDeps {
  db: Db;
  attachmentStore: AttachmentStore;
  clock: () => Date;
}

/** Where a file goes: one of the person's drafts, or the answer to the open order to complete on their case. */
export type UploadTarget = { draftId: string } | { caseId: string };

export interface UploadedFile {
  /** The bytes, or (for an upload, which may be 25 MB) a way to read them as a stream. */
  body: Buffer | (() => Readable);
  size: number;
  fileName: string;
  contentType: string;
  /** Made by Lovisa (the site plan from the drawing), not uploaded. */
  generated?: 'drawing';
}

const tooManyOthers = () => appError('conflict', 'server.upload.tooManyOthers', { max: MAX_OTHER_ATTACHMENTS });

/**
 * A neighbour's consent counts only from a neighbour: a property the land register lists as adjoining the site.
 * Asked before the file is read, so a consent for any other property is refused without storing anything.
 */
export async function assertConsentFromNeighbour(
  land: Registers['land'],
  sitePropertyId: string | null | undefined,
  slot: AttachmentSlot,
): Promise<void> {
  if (slot.type !== 'GRAM' || !slot.neighbourPropertyId) return;
  if (!sitePropertyId) throw appError('invalidInput', 'server.consentNeedsProperty');
  const neighbours = await land.neighbourIdsOf(sitePropertyId);
  if (!neighbours.includes(slot.neighbourPropertyId)) throw appError('invalidInput', 'server.consentNotNeighbour');
}

/**
 * Puts a checked file into its slot, for drafts and answers alike. A drawing type, or one neighbour's consent, has
 * one file: a new upload replaces the old. "Other documents" may be up to MAX_OTHER_ATTACHMENTS. Both rules hold
 * however many uploads arrive at once: each takes the draft's (or case's) row lock before it counts or replaces,
 * so they take turns, and the slot's unique index (migration 0013) turns anything that bypassed the lock into a
 * 409 instead of a second file.
 */
export async function uploadIntoSlot(
  deps: UploadDeps,
  personnummer: string,
  target: UploadTarget,
  query: AttachmentSlot,
  file: UploadedFile,
): Promise<AttachmentInfo> {
  const slot: Slot = {
    type: query.type,
    neighbourPropertyId: query.type === 'GRAM' ? (query.neighbourPropertyId ?? null) : null,
  };
  // The bytes are written before the transaction: PGlite runs one transaction at a time for the whole server, so
  // a lock must never wait on the disk. A refused upload leaves bytes nobody refers to; the retention job sweeps
  // those.
  const sha256 = Buffer.isBuffer(file.body)
    ? await deps.attachmentStore.put(file.body)
    : (await deps.attachmentStore.putStream(file.body())).sha256;
  try {
    const row = await deps.db.transaction(async (tx) => {
      let owner: SlotOwner;
      if ('draftId' in target) {
        if (!(await lockDraft(tx, target.draftId, personnummer))) throw notFound('draft');
        owner = { draftId: target.draftId };
      } else {
        // The order may have been answered or withdrawn while the file was on its way.
        const locked = await lockCase(tx, target.caseId);
        if (!locked) throw notFound('case');
        const state = { status: locked.status as CaseStatus, completionRequest: completionRequestOf(locked) };
        const refusal = answerRefusal(state);
        if (refusal) throw caseProblemError(refusal);
        owner = { caseId: target.caseId, answersOrderOf: new Date(state.completionRequest!.issuedAt) };
      }
      if (slot.type === 'OVR') {
        if ((await countOfType(tx, owner, 'OVR')) >= MAX_OTHER_ATTACHMENTS) throw tooManyOthers();
      } else {
        await emptySlot(tx, owner, slot);
      }
      return insertAttachment(tx, owner, slot, {
        ownerPersonnummer: personnummer,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.size,
        sha256,
        generated: file.generated ?? null,
        createdAt: deps.clock(),
      });
    });
    return toAttachmentInfo(row);
  } catch (err) {
    if (isSlotTaken(err)) throw appError('conflict', 'server.upload.slotTaken');
    throw err;
  }
}
