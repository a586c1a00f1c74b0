import initSqlJs from 'sql.js';

/**
 * Writes a minimal OGC GeoPackage with one feature table, for the committed sample
 * (`npm run sample:gpkg` → fixtures/import-samples/properties.gpkg) and for tests. Not used by the import itself.
 */

type Rings = [number, number][][];
export interface GpkgFeature {
  properties: Record<string, string | number | null>;
  geometry: { type: 'Polygon'; coordinates: Rings } | { type: 'MultiPolygon'; coordinates: Rings[] };
}

/** ISO WKB, little-endian. */
function wkb(g: GpkgFeature['geometry']): Buffer {
  const parts: Buffer[] = [];
  const u32 = (v: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    parts.push(b);
  };
  const polygon = (rings: Rings) => {
    parts.push(Buffer.from([1]));
    u32(3);
    u32(rings.length);
    for (const ring of rings) {
      u32(ring.length);
      const b = Buffer.alloc(16 * ring.length);
      ring.forEach(([x, y], i) => {
        b.writeDoubleLE(x, 16 * i);
        b.writeDoubleLE(y, 16 * i + 8);
      });
      parts.push(b);
    }
  };
  if (g.type === 'Polygon') polygon(g.coordinates);
  else {
    parts.push(Buffer.from([1]));
    u32(6);
    u32(g.coordinates.length);
    g.coordinates.forEach(polygon);
  }
  return Buffer.concat(parts);
}

/** The GeoPackage binary header (little-endian, envelope [minx, maxx, miny, maxy]) and the WKB. */
export function gpkgGeometry(g: GpkgFeature['geometry'], srsId: number): Uint8Array {
  const points = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const header = Buffer.alloc(40);
  header.write('GP', 0, 'ascii');
  header.writeUInt8(0, 2);
  header.writeUInt8(0b0000_0011, 3); // little-endian, envelope type 1
  header.writeInt32LE(srsId, 4);
  [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)].forEach((v, i) =>
    header.writeDoubleLE(v, 8 + 8 * i),
  );
  return new Uint8Array(Buffer.concat([header, wkb(g)]));
}

/** A GeoPackage (SQLite bytes) with one feature table `layer` in EPSG:`epsg`, columns from the first feature. */
export async function writeGeoPackage(
  layer: string,
  columns: Record<string, 'TEXT' | 'INTEGER' | 'REAL'>,
  features: GpkgFeature[],
  epsg = 3006,
): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  db.run('PRAGMA page_size = 1024');
  db.run('PRAGMA application_id = 0x47504B47; PRAGMA user_version = 10400; VACUUM;');
  db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)`);
  db.run(`CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
    description TEXT DEFAULT '', last_change DATETIME NOT NULL, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)`);
  db.run(`CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
    geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))`);
  db.run("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL)");
  db.run("INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL)");
  const name = epsg === 3006 ? 'SWEREF99 TM' : `EPSG:${epsg}`;
  db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, NULL)', [name, epsg, 'EPSG', epsg, 'undefined']);
  db.run('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?)', [
    layer,
    'features',
    layer,
    '',
    '2026-12-05T00:00:00.000Z',
    epsg,
  ]);
  db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [layer, 'geom', 'MULTIPOLYGON', epsg]);
  const names = Object.keys(columns);
  db.run(
    `CREATE TABLE ${q(layer)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, ${names
      .map((n) => `${q(n)} ${columns[n]}`)
      .join(', ')})`,
  );
  for (const f of features)
    db.run(
      `INSERT INTO ${q(layer)} (geom, ${names.map(q).join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`,
      [gpkgGeometry(f.geometry, epsg), ...names.map((n) => f.properties[n] ?? null)],
    );
  const bytes = db.export();
  db.close();
  return bytes;
}

/** The committed sample: properties.geojson's features as layer `registerenhetsomrade`, the first area a Polygon. */
export async function samplePropertiesGpkg(geojson: string): Promise<Uint8Array> {
  const { features } = JSON.parse(geojson) as { features: GpkgFeature[] };
  const columns = {
    objektidentitet: 'TEXT',
    fastighetsbeteckning: 'TEXT',
    registeromrade: 'TEXT',
    trakt: 'TEXT',
    block: 'TEXT',
    enhet: 'INTEGER',
    omradesnummer: 'INTEGER',
    kommunkod: 'TEXT',
    kommunnamn: 'TEXT',
    totalLandareal: 'REAL',
    landareal: 'REAL',
    adress: 'TEXT',
  } as const;
  return writeGeoPackage(
    'registerenhetsomrade',
    columns,
    features.map((f, i) => ({
      properties: f.properties,
      geometry:
        i === 0 || f.geometry.type === 'MultiPolygon'
          ? f.geometry
          : { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] },
    })),
  );
}
