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
