import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import multipart from '@fastify/multipart';
import { configuredAttachmentStore } from '../attachments/configured';
import type { AttachmentStore } from '../attachments/store';
import { MAX_UPLOAD_BYTES } from '../attachments/upload';

declare module 'fastify' {
  interface FastifyInstance {
    attachmentStore: AttachmentStore;
  }
}

/** Uploads: multipart parsing with hard limits, and the store the bytes go to. */
async function attachmentsPlugin(app: FastifyInstance, opts: { store?: AttachmentStore }) {
  // One file a request; the stream stops at the limit, so an oversized upload is never held in memory.
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0, parts: 1, fieldNameSize: 100, headerPairs: 50 },
  });
  if (opts.store) {
    app.decorate('attachmentStore', opts.store);
    return;
  }
  // The S3 bucket when S3_BUCKET is set, else files under DATA_DIR. A store the app made, it closes.
  const configured = await configuredAttachmentStore(app.config);
  app.decorate('attachmentStore', configured.store);
  app.addHook('onClose', async () => configured.close());
}

export default fp(attachmentsPlugin, { name: 'attachments' });
