import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAKAGARE_DISTANCE_M } from '@lovisa/domain';
import { defaultFixturesDir, loadFixtureRegisters, PROTECTED_SENTINEL } from '@lovisa/registry';
import { sakagareOf } from './sakagare';

describe('sakägare of Kjellstavik Eken 1:23 from the fixture registers', async () => {
  const registers = await loadFixtureRegisters(defaultFixturesDir());
  const site = (await registers.land.propertyByDesignation('Kjellstavik Eken 1:23'))!;
  const anna = '198202029289';
  const found = await sakagareOf(registers, site.id, [anna], DEFAULT_SAKAGARE_DISTANCE_M);

  it('are the owners next door and across Ekvägen, each co-owner counted', () => {
    expect(found.map((p) => [p.designation, p.relation, p.owners.length])).toEqual([
      ['Kjellstavik Björken 2:5', 'adjoining', 1],
      ['Kjellstavik Björken 2:7', 'nearby', 1],
      ['Kjellstavik Björken 2:8', 'nearby', 1],
      ['Kjellstavik Björken 2:9', 'nearby', 1],
      ['Kjellstavik Eken 1:22', 'adjoining', 2],
    ]);
    expect(found.find((p) => p.designation === 'Kjellstavik Eken 1:22')!.owners.map((o) => o.name)).toEqual([
      'Maria Eriksson',
      'Per Eriksson',
    ]);
  });

  it('show the protected owner of Björken 2:5 by neither name nor address', () => {
    const [owner] = found[0]!.owners;
    expect(owner).toMatchObject({ name: null, address: null, protectedIdentity: true, delivery: 'forwarding' });
    expect(JSON.stringify(found)).not.toContain(PROTECTED_SENTINEL);
  });

  it('are none for an unknown property, and only the adjoining at distance 0', async () => {
    expect(await sakagareOf(registers, '00000000-0000-4000-8000-000000000000', [anna], 15)).toEqual([]);
    const adjoining = await sakagareOf(registers, site.id, [anna], 0);
    expect(adjoining.map((p) => p.designation)).toEqual(['Kjellstavik Björken 2:5', 'Kjellstavik Eken 1:22']);
  });
});

describe('sakägare with a site leasehold (tomträtt) in the land register', () => {
  it('hears the leaseholder of a nearby property as well as its owner', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-leasehold-'));
    try {
      await cp(defaultFixturesDir(), dir, { recursive: true });
      const plain = await loadFixtureRegisters(dir);
      const bjorken27 = (await plain.land.propertyByDesignation('Kjellstavik Björken 2:7'))!;
      // Erik Nyström owns nothing; here he holds the site leasehold of Björken 2:7, across Ekvägen from Eken 1:23.
      await writeFile(
        path.join(dir, 'site-leaseholds.json'),
        JSON.stringify([{ personnummer: '198103269299', propertyIds: [bjorken27.id] }]),
      );
      const registers = await loadFixtureRegisters(dir);
      const site = (await registers.land.propertyByDesignation('Kjellstavik Eken 1:23'))!;
      const found = await sakagareOf(registers, site.id, ['198202029289'], DEFAULT_SAKAGARE_DISTANCE_M);
      expect(
        found.find((p) => p.designation === 'Kjellstavik Björken 2:7')!.owners.map((o) => [o.name, o.holds]),
      ).toEqual([
        [expect.any(String), 'ownership'],
        ['Erik Nyström', 'siteLeasehold'],
      ]);
      expect(found.flatMap((p) => p.owners).filter((o) => o.holds === 'siteLeasehold')).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
