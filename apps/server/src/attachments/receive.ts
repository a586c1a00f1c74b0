import type { FastifyRequest } from 'fastify';
import type { AttachmentSlot } from '@lovisa/domain';
import { AppError } from '../errors';
import { checkUpload, type AcceptedType } from './upload';

/**
 * Reads the one file of a multipart upload and judges it with the upload module; every refusal is an
 * AppError in the API's shape (413, 415 or 400). Used by every route that takes a file.
 */
export async function receiveUpload(request: FastifyRequest, slot: AttachmentSlot): Promise<{ bytes: Buffer; fileName: string; contentType: AcceptedType }> {
  if (slot.type === 'GRAM' && !slot.neighbourPropertyId) throw new AppError('invalidInput', 'Ange vilken grannfastighet medgivandet gäller.');
  if (!request.isMultipart()) throw new AppError('unsupportedMediaType', 'Skicka filen som multipart/form-data.');
  const file = await request.file();
  if (!file) throw new AppError('invalidInput', 'Ingen fil kom med.');
  const chunks: Buffer[] = [];
  for await (const chunk of file.file) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const verdict = checkUpload({ name: file.filename, bytes, truncated: file.file.truncated });
  if (!verdict.ok) {
    const code = verdict.reason === 'tooLarge' ? 'payloadTooLarge' : verdict.reason === 'empty' ? 'invalidInput' : 'unsupportedMediaType';
    throw new AppError(code, verdict.message);
  }
  return { bytes, fileName: verdict.fileName, contentType: verdict.contentType };
}
