import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../apps/server/src/test/databases';
import { API_TYPES_PATH, apiDocument, relativeApiTypesPath, renderApiTypes } from './apiTypes';

describe('the generated API client', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
  });
  afterAll(() => testDb.drop());

  // Building the app and printing ≈ 10 000 lines takes ≈ 9 s alone; more beside the rest of the unit suite.
  it('matches the server’s OpenAPI document (else: npm run api:generate)', { timeout: 120_000 }, async () => {
    const fresh = await renderApiTypes(await apiDocument(testDb.database));
    const checkedIn = await readFile(API_TYPES_PATH, 'utf8').catch(() => '');
    if (fresh !== checkedIn)
      expect.fail(`the API client is stale: run npm run api:generate (${relativeApiTypesPath()} differs)`);
  });

  it('types a GeoJSON position as a pair, as the domain does', async () => {
    const types = await readFile(API_TYPES_PATH, 'utf8');
    expect(types).toContain('coordinates: [number, number][][]');
    expect(types).not.toMatch(/coordinates: number\[\]/);
  });
});
