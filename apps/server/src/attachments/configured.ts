import path from 'node:path';
import type { AppConfig } from '../config';
import { fileAttachmentStore, type AttachmentStore } from './store';

/**
 * The store the configuration names: the S3 bucket when S3_BUCKET is set, else content-addressed files under
 * DATA_DIR. The AWS SDK is loaded only when it is used. `close` lets go of the S3 client's connections.
 */
export async function configuredAttachmentStore(
  config: Pick<AppConfig, 's3' | 'dataDir'>,
): Promise<{ store: AttachmentStore; close(): void }> {
  if (!config.s3) return { store: fileAttachmentStore(path.join(config.dataDir, 'attachments')), close: () => {} };
  const { s3AttachmentStore } = await import('./s3Store');
  const store = s3AttachmentStore(config.s3);
  return { store, close: () => store.client.destroy() };
}
