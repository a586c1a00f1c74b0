import type { FastifyRequest } from 'fastify';
import type { AttachmentSlot } from '@lovisa/domain';
import { AppError } from '../errors';
import { MAX_UPLOAD_BYTES, checkUpload, type AcceptedType } from './upload';

/**
 * Reads the one file of a multipart upload and judges it with the upload module; every refusal is an
 * AppError in the API's shape (413, 415 or 400). Used by every route that takes a file.
 */
export async function receiveUpload(
  request: FastifyRequest,
  slot: AttachmentSlot,
): Promise<{ bytes: Buffer; fileName: string; contentType: AcceptedType }> {
  if (slot.type === 'GRAM' && !slot.neighbourPropertyId)
    throw new AppError('invalidInput', 'Ange vilken grannfastighet medgivandet gäller.');
  if (!request.isMultipart()) throw new AppError('unsupportedMediaType', 'Skicka filen som multipart/form-data.');
  let file;
  const chunks: Buffer[] = [];
  try {
    file = await request.file();
    if (!file) throw new AppError('invalidInput', 'Ingen fil kom med.');
    for await (const chunk of file.file) chunks.push(chunk as Buffer);
  } catch (err) {
    throw multipartRefusal(err);
  }
  const bytes = Buffer.concat(chunks);
  const verdict = checkUpload({ name: file.filename, bytes, truncated: file.file.truncated });
  if (!verdict.ok) {
    const code =
      verdict.reason === 'tooLarge'
        ? 'payloadTooLarge'
        : verdict.reason === 'empty'
          ? 'invalidInput'
          : 'unsupportedMediaType';
    throw new AppError(code, verdict.message);
  }
  return { bytes, fileName: verdict.fileName, contentType: verdict.contentType };
}

const MULTIPART_LIMITS: Record<string, AppError> = {
  FST_REQ_FILE_TOO_LARGE: new AppError(
    'payloadTooLarge',
    `Filen är för stor. Största tillåtna storlek är ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
  ),
  FST_FIELDS_LIMIT: new AppError(
    'invalidInput',
    'Skicka bara filen: förfrågan får inte innehålla andra fält än filen.',
  ),
  FST_FILES_LIMIT: new AppError('invalidInput', 'Skicka en fil i taget.'),
  FST_PARTS_LIMIT: new AppError('invalidInput', 'Skicka en fil i taget.'),
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
  if (known) return new AppError(known.code, known.message);
  if (e.statusCode === 413) return new AppError('payloadTooLarge', 'Förfrågan är för stor.');
  return new AppError(
    'invalidInput',
    'Filen kom inte fram hel eller är inte skickad som ett giltigt formulär (multipart/form-data). Försök ladda upp den igen.',
  );
}
