import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments } from '../db/schema';
import { sweepUnreferencedFiles } from '../jobs/retention';
import { createTestDatabase, type TestDatabase } from '../test/databases';
import { startTestS3, type TestS3 } from '../test/s3Server';
import { fileAttachmentStore, type AttachmentStore } from './store';

const DAY = 86_400_000;
const MB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function listed(store: AttachmentStore): Promise<string[]> {
  const all: string[] = [];
  for await (const f of store.list()) all.push(f.sha256);
  return all.sort();
}

async function drain(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * `size` bytes made 64 KiB at a time (a random block with the chunk's number written into it), never all in memory:
 * what an upload of a big drawing looks like to the store. `expected` is their hash and size.
 */
function bigFile(size: number) {
  const block = randomBytes(64 * 1024);
  const chunks = Math.ceil(size / block.length);
  function* pieces() {
    for (let i = 0; i < chunks; i++) yield chunkOf(block, i, size);
  }
  const hash = createHash('sha256');
  for (const piece of pieces()) hash.update(piece);
  return {
    expected: { sha256: hash.digest('hex'), size },
    stream: () => Readable.from(pieces()),
  };
}
function chunkOf(block: Buffer, i: number, size: number): Buffer {
  const chunk = Buffer.from(block.subarray(0, Math.min(block.length, size - i * block.length)));
  chunk.writeUInt32BE(i, 0);
  return chunk;
}

// Live memory = the JS heap plus the bytes of Buffers (which live outside it): a file held in memory shows in one
// of the two. Garbage is collected before each reading, so what is measured is what the operation holds on to,
// not the chunks it has finished with (without that, streaming 25 MB "grows" by 25–35 MB of garbage on this
// machine and the figure says nothing). The samples use V8's quick young-generation collection, where a stream's
// spent chunks die; the baseline a full one, with a turn of the event loop for V8 to free the Buffers' bytes.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (options?: { type: 'major' | 'minor' }) => void;
const reading = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
async function settled() {
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return reading();
}
/** The most live memory grew by while `run` ran, sampled every 20 ms. */
async function peakGrowth(run: () => Promise<unknown>): Promise<number> {
  const base = await settled();
  let peak = base;
  const timer = setInterval(() => {
    gc({ type: 'minor' });
    peak = Math.max(peak, reading());
  }, 20);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  gc({ type: 'minor' });
  return Math.max(peak, reading()) - base;
}

let s3: TestS3 | undefined;
const tempDirs: string[] = [];
afterAll(async () => {
  await s3?.close();
  for (const d of tempDirs) await rm(d, { recursive: true, force: true });
});

const stores: [string, () => Promise<AttachmentStore>][] = [
  [
    'file',
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-contract-'));
      tempDirs.push(dir);
      return fileAttachmentStore(path.join(dir, 'attachments'));
    },
  ],
  ['s3', async () => (s3 ??= await startTestS3()).store()],
];

describe.each(stores)('the attachment store contract (%s)', (name, makeStore) => {
  let store: AttachmentStore;
  beforeAll(async () => {
    store = await makeStore();
  });

  it('gives back what was put, by its SHA-256; the same bytes twice are one file; an unknown hash is null', async () => {
    expect(await listed(store)).toEqual([]);
    const bytes = text(`ritning ${name}`);
    const s = await store.put(bytes);
    expect(s).toBe(sha(bytes));
    expect(await store.put(bytes)).toBe(s);
    expect(Buffer.from((await store.get(s))!)).toEqual(Buffer.from(bytes));
    expect(await drain((await store.getStream(s))!)).toEqual({ sha256: s, size: bytes.length });
    expect(await listed(store)).toEqual([s]);
    const unknown = sha(text('never stored'));
    expect(await store.get(unknown)).toBeNull();
    expect(await store.getStream(unknown)).toBeNull();
    expect(await store.get('../../etc/passwd')).toBeNull();
    expect(await store.getStream('../../etc/passwd')).toBeNull();
  });

  it('stores a stream under its hash, and keeps one file for the same bytes put either way', async () => {
    const bytes = text(`fasad ${name} `.repeat(1000));
    const streamed = await store.putStream(Readable.from([bytes.subarray(0, 5000), bytes.subarray(5000)]));
    expect(streamed).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(await store.put(bytes)).toBe(streamed.sha256);
    expect((await listed(store)).filter((s) => s === streamed.sha256)).toHaveLength(1);
    expect(Buffer.from((await store.get(streamed.sha256))!)).toEqual(Buffer.from(bytes));
  });

  it('stores nothing when the stream fails half way', async () => {
    const before = await listed(store);
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('half a drawing');
        throw new Error('connection reset');
      })(),
    );
    await expect(store.putStream(failing)).rejects.toThrow('connection reset');
    expect(await listed(store)).toEqual(before);
  });

  it('lists every file with its write time, and deletes one only if it was written before the given time', async () => {
    const before = Date.now();
    const a = await store.put(text(`a ${name}`));
    const listing: { sha256: string; modifiedAt: Date }[] = [];
    for await (const f of store.list()) listing.push(f);
    const entry = listing.find((f) => f.sha256 === a);
    // S3 gives whole seconds, rounded down.
    expect(entry?.modifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(entry?.modifiedAt.getTime()).toBeLessThanOrEqual(Date.now());
    // Written after the cutoff (a day ago): it stays.
    expect(await store.delete(a, new Date(Date.now() - DAY))).toBe(false);
    expect(await store.get(a)).not.toBeNull();
    // Written before the cutoff (a little ahead of now): it goes, once.
    const cutoff = new Date(Date.now() + 2_000);
    expect(await store.delete(a, cutoff)).toBe(true);
    expect(await store.get(a)).toBeNull();
    expect(await listed(store)).not.toContain(a);
    expect(await store.delete(a, cutoff)).toBe(false);
    expect(await store.delete('../../etc/passwd', cutoff)).toBe(false);
  });

  // 80 MB against a bound of 30: what a stream holds at once (its buffers, a socket's chunks not yet collected) varies
  // with the machine's load (3–17 MB seen), while a file held whole would hold all 80.
  it('streams an 80 MB file in and out without holding it in memory', async () => {
    const file = bigFile(80 * MB);
    let stored: { sha256: string; size: number } | undefined;
    const growthIn = await peakGrowth(async () => (stored = await store.putStream(file.stream())));
    expect(stored).toEqual(file.expected);
    let read: { sha256: string; size: number } | undefined;
    const growthOut = await peakGrowth(async () => (read = await drain((await store.getStream(stored!.sha256))!)));
    expect(read).toEqual(file.expected);
    const figure = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
    process.stdout.write(`${name} store, 80 MB: live memory grew ${figure(growthIn)} in, ${figure(growthOut)} out\n`);
    expect(growthIn).toBeLessThan(30 * MB);
    expect(growthOut).toBeLessThan(30 * MB);
  });

  it('(the meter) sees a 25 MB file read into memory', async () => {
    const file = bigFile(25 * MB);
    const { sha256 } = await store.putStream(file.stream());
    let bytes: Buffer | null = null;
    const growth = await peakGrowth(async () => (bytes = await store.get(sha256)));
    expect(bytes!.length).toBe(25 * MB);
    expect(growth).toBeGreaterThan(20 * MB);
  });
});

describe.each(stores)('the retention sweep on the %s store', (_name, makeStore) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it('removes the files no row points at once they are past the grace period, and keeps the rest', async () => {
    const store = await makeStore();
    const kept = await store.put(text('a drawing on a draft'));
    const orphan = await store.put(text('a replaced drawing'));
    await testDb.database.db.insert(attachments).values({
      id: randomUUID(),
      ownerPersonnummer: '193502234796',
      draftId: randomUUID(),
      type: 'PLA',
      fileName: 'plan.pdf',
      contentType: 'application/pdf',
      size: 20,
      sha256: kept,
      createdAt: new Date(),
    });
    // Now: both are young.
    expect(await sweepUnreferencedFiles(testDb.database.db, store, new Date())).toEqual({
      files: 2,
      referenced: 0,
      young: 2,
      removed: 0,
    });
    // Two days on: the orphan goes, the referenced file stays.
    const later = new Date(Date.now() + 2 * DAY);
    expect(await sweepUnreferencedFiles(testDb.database.db, store, later)).toEqual({
      files: 2,
      referenced: 1,
      young: 0,
      removed: 1,
    });
    expect(await listed(store)).toEqual([kept]);
    expect(await store.get(orphan)).toBeNull();
  });
});
