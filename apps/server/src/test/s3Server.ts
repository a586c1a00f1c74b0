import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { s3AttachmentStore, type S3Settings } from '../attachments/s3Store';

export interface TestS3 {
  /** Settings for a bucket of its own on the local server (as S3_* would give them). */
  settings(bucket?: string): S3Settings;
  /** A store on a new, empty bucket (or on `bucket`, made by the first call that names it). */
  store(bucket?: string): Promise<ReturnType<typeof s3AttachmentStore>>;
  close(): Promise<void>;
}

// s3rver in a process of its own, as object storage is on another machine: the memory the tests measure is the
// server's under test, not the stand-in's.
const SERVER = `
const S3rver = require(process.argv[1]);
new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: process.argv[2] })
  .run()
  .then(({ port }) => console.log(port));
`;

/**
 * A local S3-protocol server (s3rver) on 127.0.0.1, a free port and a temporary directory: the S3 store's tests
 * run against it, never the internet. Buckets are made on demand with CreateBucket through the store's own client.
 */
export async function startTestS3(): Promise<TestS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'lovisa-s3rver-'));
  const s3rver = createRequire(import.meta.url).resolve('s3rver');
  const child = spawn(process.execPath, ['-e', SERVER, s3rver, directory], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await Promise.race([
    once(createInterface({ input: child.stdout }), 'line'),
    once(child, 'exit').then(([code]) => Promise.reject(new Error(`s3rver exited (${String(code)})`))),
  ])) as [string];
  const port = Number(line);
  const settings = (bucket: string): S3Settings => ({
    bucket,
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  });
  const made = new Set<string>();
  const clients: { destroy(): void }[] = [];
  const newBucket = () => `lovisa-${randomBytes(4).toString('hex')}`;
  return {
    settings: (bucket = newBucket()) => settings(bucket),
    async store(bucket = newBucket()) {
      const store = s3AttachmentStore(settings(bucket));
      clients.push(store.client);
      if (!made.has(bucket)) {
        made.add(bucket);
        await store.client.send(new CreateBucketCommand({ Bucket: bucket }));
      }
      return store;
    },
    async close() {
      for (const c of clients) c.destroy();
      child.kill();
      if (child.exitCode === null) await once(child, 'exit');
      await rm(directory, { recursive: true, force: true });
    },
  };
}
