// `npm run api:generate`: writes apps/web/src/api/schema.d.ts from the server's OpenAPI document.
import { writeFile } from 'node:fs/promises';
import { createTestDatabase } from '../apps/server/src/test/databases';
import { API_TYPES_PATH, apiDocument, relativeApiTypesPath, renderApiTypes } from './apiTypes';

// An in-memory PGlite, as the server's tests build the app: the document does not depend on any data.
const testDb = await createTestDatabase('pglite');
try {
  await writeFile(API_TYPES_PATH, await renderApiTypes(await apiDocument(testDb.database)));
  console.warn(`wrote ${relativeApiTypesPath()}`);
} finally {
  await testDb.drop();
}
