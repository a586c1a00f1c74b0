import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { AttachmentSlot } from '@lovisa/domain';
import { AppError, appError } from '../errors';
import { MAX_UPLOAD_BYTES, UploadInspector, type AcceptedType, type UploadRefusal } from './upload';

const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;
const tooLarge = () => appError('payloadTooLarge', 'server.upload.tooLarge', { megabytes });

/** Each refusal of the upload module as the API answers it: status by what the sender can do about it. */
const refusals: Record<UploadRefusal, () => AppError> = {
  tooLarge,
  empty: () => appError('invalidInput', 'server.upload.empty'),
  unsupportedType: () => appError('unsupportedMediaType', 'server.upload.unsupportedType'),
  activeContent: () => appError('unsupportedMediaType', 'server.upload.activeContent'),
};

/** A received file, judged and waiting on local disk: `open` reads it as often as needed. */
export interface ReceivedFile {
  body: () => Readable;
  size: number;
  fileName: string;
  contentType: AcceptedType;
}

/**
 * Reads the one file of a multipart upload and judges it with the upload module as it streams in, into a
 * temporary file on local disk, never into memory (a 25 MB drawing passes in the parser's chunks). Only a file
 * that passed is handed to `use` (which stores it); the temporary file is removed afterwards whatever happens.
 * Every refusal is an AppError in the API's shape (413, 415 or 400). Used by every route that takes a file.
 */
export async function receiveUpload<T>(
  request: FastifyRequest,
  slot: AttachmentSlot,
  use: (file: ReceivedFile) => Promise<T>,
): Promise<T> {
  if (slot.type === 'GRAM' && !slot.neighbourPropertyId)
    throw appError('invalidInput', 'server.upload.neighbourMissing');
  if (!request.isMultipart()) throw appError('unsupportedMediaType', 'server.upload.notMultipart');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-upload-'));
  try {
    const tmp = path.join(dir, 'file');
    const inspector = new UploadInspector();
    let file;
    try {
      file = await request.file();
      if (!file) throw appError('invalidInput', 'server.upload.noFile');
      const inspect = new Transform({
        transform: (chunk: Buffer, _enc, done) => void inspector.push(chunk).then(() => done(null, chunk), done),
      });
      await pipeline(file.file, inspect, createWriteStream(tmp));
    } catch (err) {
      throw multipartRefusal(err);
    }
    const verdict = await inspector.verdict(file.filename, file.file.truncated);
    if (!verdict.ok) throw refusals[verdict.reason]();
    const size = inspector.size;
    return await use({
      body: () => createReadStream(tmp),
      size,
      fileName: verdict.fileName,
      contentType: verdict.contentType,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const MULTIPART_LIMITS: Record<string, () => AppError> = {
  FST_REQ_FILE_TOO_LARGE: tooLarge,
  FST_FIELDS_LIMIT: () => appError('invalidInput', 'server.upload.onlyTheFile'),
  FST_FILES_LIMIT: () => appError('invalidInput', 'server.upload.oneFile'),
  FST_PARTS_LIMIT: () => appError('invalidInput', 'server.upload.oneFile'),
};

/**
 * What reading a multipart body can fail on is the sender's doing (no boundary, cut short, malformed parts, an
 * extra field, too large): 400 or 413 in the API's shape. Only these two reads are wrapped, so a fault of the
 * server elsewhere still shows as one.
 */
function multipartRefusal(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: unknown; statusCode?: unknown };
  const known = typeof e.code === 'string' ? MULTIPART_LIMITS[e.code] : undefined;
  if (known) return known();
  if (e.statusCode === 413) return appError('payloadTooLarge', 'server.payloadTooLarge');
  return appError('invalidInput', 'server.upload.broken');
}
