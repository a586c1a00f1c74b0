import { mkdtemp, rm, writeFile, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { demoClock } from './demoClock';

describe('the demo clock', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-clock-'));
  const file = path.join(dir, 'days');
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('runs as many days ahead as the file says, follows a change, and is the real clock without the file', async () => {
    const clock = demoClock(file);
    const near = (d: Date, days: number) => Math.abs(d.getTime() - Date.now() - days * 86_400_000) < 5_000;
    expect(near(clock(), 0)).toBe(true);
    await writeFile(file, '21\n');
    expect(near(clock(), 21)).toBe(true);
    await writeFile(file, '3');
    await utimes(file, new Date(), new Date(Date.now() + 1_000)); // a new mtime even within the same tick
    expect(near(clock(), 3)).toBe(true);
    await writeFile(file, 'not a number');
    await utimes(file, new Date(), new Date(Date.now() + 2_000));
    expect(near(clock(), 0)).toBe(true);
  });

  it('is refused without the BankID simulator', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0', BANKID_SIMULATOR: 'false', DEMO_CLOCK_FILE: file })).toThrow(
      /DEMO_CLOCK_FILE/,
    );
    expect(loadConfig({ HOST: 'localhost', DEMO_CLOCK_FILE: file }).demoClockFile).toBe(file);
  });
});
