import { existsSync } from 'node:fs';
import path from 'node:path';
import { KJELLSTAVIK, MunicipalitySchema, type Municipality } from '@lovisa/domain';
import { readFixture } from './fixtureFiles';

/**
 * The municipality's identity from `municipality.json` in the fixtures directory; the demo town's when the file is
 * absent (Kjellstavik's fixtures have none, so the demo keeps working unchanged). A logo named in the file must
 * exist beside it: a missing logo is found at start, not by the first visitor.
 */
export async function loadMunicipality(dir: string): Promise<Municipality> {
  if (!existsSync(path.join(dir, 'municipality.json'))) return KJELLSTAVIK;
  const m = await readFixture(dir, 'municipality.json', MunicipalitySchema);
  if (m.logo && !existsSync(path.join(dir, m.logo)))
    throw new Error(`fixtures/municipality.json: the logo ${m.logo} is not in ${dir}`);
  return m;
}
