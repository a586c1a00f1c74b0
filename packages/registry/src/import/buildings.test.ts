import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertBuildings } from './buildings';
import { formatIssue } from './issues';
import { convertProperties } from './properties';

const samples = new URL('../../../../fixtures/import-samples/', import.meta.url);
const { properties } = convertProperties(readFileSync(new URL('properties.geojson', samples), 'utf8'));
const sample = readFileSync(new URL('buildings.geojson', samples), 'utf8');
const id = (n: number) => `7b1e4c2a-0d3f-4e5a-9b6c-1a2b3c4d5e0${n}`;

describe("existing buildings after Lantmäteriet's building data", () => {
  it('puts each building in force on its property, with its legal basis; planned ones are left out', () => {
    const { buildings, issues, warnings } = convertBuildings(sample, properties);
    expect(issues).toEqual([]);
    expect(buildings.map((b) => [b.properties, b.geometry.type])).toEqual([
      [
        { kind: 'building', propertyId: id(1), use: 'Bostad; Småhus friliggande', legalBasis: 'permit', heightM: 6 },
        'Polygon',
      ],
      // No registerenhet: the property is found by the footprint; no lagligGrund: counted as built with a permit.
      [{ kind: 'building', propertyId: id(2), use: 'Komplementbyggnad; Garage', legalBasis: 'permit' }, 'Polygon'],
      [{ kind: 'building', propertyId: id(5), use: 'Bostad; Småhus friliggande', legalBasis: 'permit' }, 'Polygon'],
      [{ kind: 'building', propertyId: id(5), use: 'Komplementbyggnad; Förråd', legalBasis: 'friggebod' }, 'Polygon'],
    ]);
    expect(warnings.map((w) => formatIssue(w))).toEqual([
      'buildings.geojson objekt 5: byggnaden har objektstatus ”Planerad” och läses inte',
      'buildings.geojson: 1 byggnader saknar laglig grund och räknas som byggda med bygglov',
    ]);
  });

  it('names the row of an unknown legal basis, a register unit not in the export, a building on no property', () => {
    const doc = JSON.parse(sample) as { features: { properties: Record<string, unknown>; geometry: unknown }[] };
    doc.features[0]!.properties.lagligGrund = 'rivningslov';
    doc.features[1]!.properties.registerenhet = '00000000-0000-4000-8000-00000000beef';
    doc.features[2]!.geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [541000, 6701000],
          [541010, 6701000],
          [541010, 6701010],
          [541000, 6701010],
          [541000, 6701000],
        ],
      ],
    };
    delete doc.features[3]!.properties.andamal;
    const { buildings, issues } = convertBuildings(JSON.stringify(doc), properties);
    expect(buildings).toHaveLength(0);
    expect(issues.map((i) => formatIssue(i))).toEqual([
      'buildings.geojson objekt 1: laglig grund ”rivningslov” finns inte; använd bygglov, friggebod eller attefall',
      'buildings.geojson objekt 2: registerenheten 00000000-0000-4000-8000-00000000beef finns inte i fastighetsexporten',
      'buildings.geojson objekt 3: byggnaden ligger inte på någon fastighet i fastighetsexporten',
      'buildings.geojson objekt 4: andamal saknas',
    ]);
  });
});
