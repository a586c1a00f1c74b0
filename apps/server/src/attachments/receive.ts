import type { FastifyRequest } from 'fastify';
import type { AttachmentSlot } from '@lovisa/domain';
import { AppError, appError } from '../errors';
import { MAX_UPLOAD_BYTES, checkUpload, type AcceptedType, type UploadRefusal } from './upload';

const megabytes = MAX_UPLOAD_BYTES / 1024 / 1024;
const tooLarge = () => appError('payloadTooLarge', 'server.upload.tooLarge', { megabytes });

/** Each refusal of the upload module as the API answers it: status by what the sender can do about it. */
const refusals: Record<UploadRefusal, () => AppError> = {
  tooLarge,
  empty: () => appError('invalidInput', 'server.upload.empty'),
  unsupportedType: () => appError('unsupportedMediaType', 'server.upload.unsupportedType'),
  activeContent: () => appError('unsupportedMediaType', 'server.upload.activeContent'),
};

/**
 * Reads the one file of a multipart upload and judges it with the upload module; every refusal is an
 * AppError in the API's shape (413, 415 or 400). Used by every route that takes a file.
 */
export async function receiveUpload(
  request: FastifyRequest,
  slot: AttachmentSlot,
): Promise<{ bytes: Buffer; fileName: string; contentType: AcceptedType }> {
  if (slot.type === 'GRAM' && !slot.neighbourPropertyId)
    throw appError('invalidInput', 'server.upload.neighbourMissing');
  if (!request.isMultipart()) throw appError('unsupportedMediaType', 'server.upload.notMultipart');
  let file;
  const chunks: Buffer[] = [];
  try {
    file = await request.file();
    if (!file) throw appError('invalidInput', 'server.upload.noFile');
    for await (const chunk of file.file) chunks.push(chunk as Buffer);
  } catch (err) {
    throw multipartRefusal(err);
  }
  const bytes = Buffer.concat(chunks);
  const verdict = checkUpload({ name: file.filename, bytes, truncated: file.file.truncated });
  if (!verdict.ok) throw refusals[verdict.reason]();
  return { bytes, fileName: verdict.fileName, contentType: verdict.contentType };
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
