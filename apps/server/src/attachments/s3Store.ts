import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { HASH, writeHashing, type AttachmentStore } from './store';

/** Where the bucket is and how to reach it (S3_* in README.md's settings). */
export interface S3Settings {
  bucket: string;
  region: string;
  /** An S3-compatible server's URL (MinIO, Ceph, a cloud's object storage); unset = Amazon S3 itself. */
  endpoint?: string;
  /** Unset: the SDK's own chain (AWS_* variables, an instance or task role, ~/.aws). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Bucket in the path (https://host/bucket/key) instead of the host name: most self-hosted servers want it. */
  forcePathStyle: boolean;
}

export function s3ClientFor(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    forcePathStyle: settings.forcePathStyle,
    // The SDK's default sends a streamed body in aws-chunked encoding with a trailing CRC; servers that do not know
    // it (s3rver, older MinIO and Ceph) store the chunk framing as the object's bytes. Lovisa sends the SHA-256 it
    // already has as the object's checksum instead (a plain header: Amazon S3 verifies it, others ignore it).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The same layout as the file store (ab/cdef…): `aws s3 sync DATA_DIR/attachments s3://bucket/` moves one to the other. */
const keyOf = (sha: string) => `${sha.slice(0, 2)}/${sha.slice(2)}`;
const KEY = /^([0-9a-f]{2})\/([0-9a-f]{62})$/;

const isMissing = (err: unknown) => {
  const name = (err as { name?: string }).name;
  return name === 'NoSuchKey' || name === 'NotFound';
};

/**
 * Content-addressed objects in one bucket, for servers on several hosts sharing the attachments. A `put` of the
 * same bytes again writes the object again, which renews its LastModified: the orphan sweep reads that, as it
 * reads a file's modification time in the file store.
 */
export function s3AttachmentStore(settings: S3Settings, client: S3Client = s3ClientFor(settings)) {
  const Bucket = settings.bucket;
  const putObject = (sha: string, Body: Buffer | Readable, size: number) =>
    client.send(
      new PutObjectCommand({
        Bucket,
        Key: keyOf(sha),
        Body,
        ContentLength: size,
        ChecksumSHA256: Buffer.from(sha, 'hex').toString('base64'),
      }),
    );
  const getObject = async (sha: string) => {
    if (!HASH.test(sha)) return null;
    try {
      return (await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha) }))).Body ?? null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  };
  const store: AttachmentStore & { client: S3Client } = {
    client,
    async put(bytes) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      await putObject(sha, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes.byteLength);
      return sha;
    },
    async putStream(source) {
      // Hashed first into a local temporary file, then sent in one PutObject under its hash. Chosen over uploading to
      // a temporary key and copying it to the hash (CopyObject) because: the object appears under its name in one
      // atomic request of known length, so no reader ever sees part of it; a crash leaves nothing in the bucket to
      // clean up (a temporary key would need a lifecycle rule); no multipart upload, whose parts (≥ 5 MB each, several
      // in flight) the SDK would hold in memory; and the hash is known before sending, so it goes with the request
      // as the object's checksum. The cost is local disk for one file (≤ 25 MB) while it is sent.
      const dir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-s3-'));
      try {
        const file = path.join(dir, randomUUID());
        const { sha256, size } = await writeHashing(source, file);
        await putObject(sha256, createReadStream(file), size);
        return { sha256, size };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async get(sha) {
      const body = await getObject(sha);
      return body ? Buffer.from(await body.transformToByteArray()) : null;
    },
    async getStream(sha) {
      // In Node the SDK's body is the HTTP response itself: a Readable that is read as it arrives.
      return (await getObject(sha)) as Readable | null;
    },
    async *list() {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          const m = object.Key?.match(KEY);
          if (m && object.LastModified) yield { sha256: m[1]! + m[2]!, modifiedAt: object.LastModified };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async delete(sha, writtenBefore) {
      if (!HASH.test(sha)) return false;
      const Key = keyOf(sha);
      let modified: Date | undefined;
      try {
        modified = (await client.send(new HeadObjectCommand({ Bucket, Key }))).LastModified;
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
      // LastModified comes in whole seconds (an HTTP date), rounded down: up to a second older than the truth,
      // nothing against a grace period of a day.
      if (!modified || modified.getTime() >= writtenBefore.getTime()) return false;
      // The race that remains, honestly: S3 has no "delete only if not modified since" (the file store gets that
      // from a rename). An upload of exactly these bytes that lands between the HeadObject above and this
      // DeleteObject (milliseconds) is deleted with them, and its row then points at nothing. It takes bytes that
      // no row has pointed at for a day being uploaded again in that instant; a bucket with versioning on keeps the
      // deleted version, so even then the file can be restored.
      await client.send(new DeleteObjectCommand({ Bucket, Key }));
      return true;
    },
  };
  return store;
}
