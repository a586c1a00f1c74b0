import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeGpkgGeometry, readGeoPackage } from './gpkg';
import { gpkgGeometry, samplePropertiesGpkg, writeGeoPackage } from './gpkgWrite';
import { formatIssue } from './issues';
import { convertProperties, convertPropertyFeatures } from './properties';

const samples = new URL('../../../../fixtures/import-samples/', import.meta.url);
const square = (e: number, n: number, size = 20): [number, number][][] => [
  [
    [e, n],
    [e + size, n],
    [e + size, n + size],
    [e, n + size],
    [e, n],
  ],
];
const columns = { objektidentitet: 'TEXT', fastighetsbeteckning: 'TEXT' } as const;
const unit = (n: number) => `7b1e4c2a-0d3f-4e5a-9b6c-1a2b3c4d5e${String(n).padStart(2, '0')}`;

describe('properties from a GeoPackage', () => {
  it('reads the committed sample into exactly what the GeoJSON sample gives', async () => {
    const bytes = readFileSync(new URL('properties.gpkg', samples));
    const fromGpkg = convertPropertyFeatures(await readGeoPackage(bytes, 'properties.gpkg'), 'properties.gpkg');
    const fromGeoJson = convertProperties(readFileSync(new URL('properties.geojson', samples), 'utf8'));
    expect(fromGpkg.issues).toEqual([]);
    expect(fromGpkg.properties).toHaveLength(5);
    expect(fromGpkg.properties).toEqual(fromGeoJson.properties);
  });

  it('is reproducible: npm run sample:gpkg writes the committed bytes', async () => {
    const again = await samplePropertiesGpkg(readFileSync(new URL('properties.geojson', samples), 'utf8'));
    expect(Buffer.from(again).equals(readFileSync(new URL('properties.gpkg', samples)))).toBe(true);
  });

  it('names the fid of each bad row: a geometry outside Sweden, a missing designation, an undecodable blob', async () => {
    const bytes = await writeGeoPackage('fastigheter', columns, [
      {
        properties: { objektidentitet: unit(1), fastighetsbeteckning: 'Exempelby Ek 1:1' },
        geometry: { type: 'Polygon', coordinates: square(540000, 6700000) },
      },
      {
        properties: { objektidentitet: unit(2), fastighetsbeteckning: 'Exempelby Ek 1:2' },
        geometry: { type: 'Polygon', coordinates: square(16.1, 59.6, 0.001) },
      },
      {
        properties: { objektidentitet: unit(3), fastighetsbeteckning: null },
        geometry: { type: 'MultiPolygon', coordinates: [square(540100, 6700000)] },
      },
    ]);
    // Row 4: a blob that is not GeoPackage geometry, as a broken export may leave.
    const { default: initSqlJs } = await import('sql.js');
    const SQL = await initSqlJs();
    const db = new SQL.Database(bytes);
    db.run('INSERT INTO fastigheter (geom, objektidentitet, fastighetsbeteckning) VALUES (?, ?, ?)', [
      new Uint8Array([1, 2, 3]),
      unit(4),
      'Exempelby Ek 1:4',
    ]);
    const edited = db.export();
    db.close();
    const { properties, issues } = convertPropertyFeatures(await readGeoPackage(edited, 'f.gpkg'), 'f.gpkg');
    expect(properties).toEqual([]);
    expect(issues.map((i) => formatIssue(i))).toEqual([
      'f.gpkg objekt 4: geometrin är ogiltig (not a GeoPackage geometry)',
      'f.gpkg objekt 2: koordinaterna (16,1, 59,6) ligger inte i Sverige i SWEREF 99 TM; är de i WGS84 eller har axlarna bytt plats?',
      'f.gpkg objekt 3: fastighetsbeteckning saknas (ange fastighetsbeteckning eller registeromrade, trakt, block och enhet)',
      'f.gpkg objekt 4: geometrin saknas',
    ]);
  });

  it('refuses a layer in another coordinate system, a file with several layers unless one is named, and a non-GeoPackage', async () => {
    const wgs = await writeGeoPackage(
      'f',
      columns,
      [{ properties: { objektidentitet: unit(1) }, geometry: { type: 'Polygon', coordinates: square(16, 59, 0.001) } }],
      4326,
    );
    expect((await readGeoPackage(wgs, 'w.gpkg')).issues.map((i) => formatIssue(i))).toEqual([
      'w.gpkg: koordinatsystemet EPSG:4326 stöds inte; exportera i SWEREF 99 TM (EPSG:3006)',
    ]);
    const { default: initSqlJs } = await import('sql.js');
    const db = new (await initSqlJs()).Database(await writeGeoPackage('a', columns, []));
    db.run(
      "INSERT INTO gpkg_contents (table_name, data_type, last_change, srs_id) VALUES ('b', 'features', '2026-12-05', 3006)",
    );
    db.run("INSERT INTO gpkg_geometry_columns VALUES ('b', 'geom', 'POLYGON', 3006, 0, 0)");
    db.run('CREATE TABLE b (fid INTEGER PRIMARY KEY, geom BLOB)');
    const two = db.export();
    db.close();
    expect((await readGeoPackage(two, 't.gpkg')).issues.map((i) => formatIssue(i))).toEqual([
      't.gpkg: filen ska ha ett lager med geometrier, inte flera (a, b); välj ett med --properties-layer',
    ]);
    expect((await readGeoPackage(two, 't.gpkg', 'c')).issues[0]!.message).toBe('lagret ”c” finns inte; filen har a, b');
    expect((await readGeoPackage(two, 't.gpkg', 'a')).issues.map((i) => i.id)).toEqual(['file.empty']);
    expect(
      (await readGeoPackage(new TextEncoder().encode('{"type":"FeatureCollection"}'), 'x.gpkg')).issues[0]!.id,
    ).toBe('gpkg.notGeoPackage');
  });
});

describe('the GeoPackage geometry blob', () => {
  it('reads the header (srs_id, envelope) and ISO WKB, dropping Z; big-endian too; empty is null', () => {
    const blob = gpkgGeometry({ type: 'Polygon', coordinates: square(540000, 6700000) }, 3006);
    expect(decodeGpkgGeometry(blob)).toEqual({
      srsId: 3006,
      geometry: { type: 'Polygon', coordinates: square(540000, 6700000) },
    });

    // Hand-built: header big-endian without envelope, WKB big-endian Polygon Z (1003) with one triangle.
    const be = Buffer.alloc(8 + 1 + 4 + 4 + 4 + 4 * 24);
    be.write('GP', 0, 'ascii');
    be.writeUInt8(0, 3);
    be.writeInt32BE(3006, 4);
    be.writeUInt8(0, 8);
    be.writeUInt32BE(1003, 9);
    be.writeUInt32BE(1, 13);
    be.writeUInt32BE(4, 17);
    [
      [1, 2, 9],
      [3, 2, 9],
      [3, 4, 9],
      [1, 2, 9],
    ].forEach((p, i) => p.forEach((v, j) => be.writeDoubleBE(v, 21 + 24 * i + 8 * j)));
    expect(decodeGpkgGeometry(new Uint8Array(be)).geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [1, 2],
          [3, 2],
          [3, 4],
          [1, 2],
        ],
      ],
    });

    const empty = Buffer.from(blob);
    empty.writeUInt8(0b0001_0011, 3);
    expect(decodeGpkgGeometry(new Uint8Array(empty)).geometry).toBeNull();
    expect(() => decodeGpkgGeometry(new Uint8Array([0x47, 0x50, 0, 0x21, 0, 0, 0, 0]))).toThrow('extended');
  });
});
