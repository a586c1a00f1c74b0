import type { AttachmentInfo } from '@lovisa/domain';
import type { attachments } from '../db/schema';

type AttachmentRow = typeof attachments.$inferSelect;

/** A stored file as the API shows it: what it is, never where its bytes are. */
export const toAttachmentInfo = (row: AttachmentRow): AttachmentInfo => ({
  id: row.id,
  type: row.type as AttachmentInfo['type'],
  neighbourPropertyId: row.neighbourPropertyId,
  fileName: row.fileName,
  contentType: row.contentType as AttachmentInfo['contentType'],
  size: row.size,
  generated: row.generated !== null,
  createdAt: row.createdAt.toISOString(),
});

