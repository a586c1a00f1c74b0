import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** Reads and validates one fixture file; an error names the file and the path of each problem. */
export async function readFixture<T extends z.ZodType>(dir: string, file: string, schema: T): Promise<z.output<T>> {
  const full = path.join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(full, 'utf8'));
  } catch (err) {
    throw new Error(`fixtures/${file}: cannot read JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('\n');
    throw new Error(`fixtures/${file} is invalid:\n${problems}`);
  }
  return parsed.data;
}
