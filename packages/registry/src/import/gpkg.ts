import initSqlJs from 'sql.js';
import type { InputFeature } from './geojson';
import { issue, type ImportIssue } from './issues';

/**
 * OGC GeoPackage (OGC 12-128r18) read with sql.js (SQLite compiled to WebAssembly, no native build). A feature
 * table's geometry column holds the GeoPackage binary: a header ("GP", version, flags, srs_id, optional envelope)
 * followed by ISO WKB. Only what a cadastral layer needs is read: Polygon and MultiPolygon, 2D (Z and M dropped).
 */

type Position = [number, number];
/** A decoded geometry in GeoJSON form, for the shared geometry checks. */
export type GpkgGeometry = { type: string; coordinates?: unknown } | null;

class WkbReader {
  private offset: number;
  private little = true;
  constructor(
    private readonly view: DataView,
    offset: number,
  ) {
    this.offset = offset;
  }
  byteOrder() {
    this.little = this.view.getUint8(this.offset++) === 1;
  }
  uint32() {
    const v = this.view.getUint32(this.offset, this.little);
    this.offset += 4;
    return v;
  }
  double() {
    const v = this.view.getFloat64(this.offset, this.little);
    this.offset += 8;
    return v;
  }
  /** ISO WKB type code → base type (1–7) and the number of ordinates per point (2 for XY, 3 for XYZ/XYM, 4). */
  header(): { base: number; dims: number } {
    this.byteOrder();
    const code = this.uint32();
    const base = code % 1000;
    const flavour = Math.floor(code / 1000);
    return { base, dims: flavour === 0 ? 2 : flavour === 3 ? 4 : 3 };
  }
  rings(dims: number): Position[][] {
    const rings: Position[][] = [];
    for (let r = this.uint32(); r > 0; r--) {
      const ring: Position[] = [];
      for (let p = this.uint32(); p > 0; p--) {
        const x = this.double();
        const y = this.double();
        for (let extra = dims - 2; extra > 0; extra--) this.double();
        ring.push([x, y]);
      }
      rings.push(ring);
    }
    return rings;
  }
}

/** Decodes one GeoPackage geometry blob; throws with a reason on anything it cannot read. */
export function decodeGpkgGeometry(blob: Uint8Array): { srsId: number; geometry: GpkgGeometry } {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.byteLength < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry');
  const flags = blob[3]!;
  if (flags & 0x20) throw new Error('extended GeoPackage geometry');
  const headerLittle = (flags & 1) === 1;
  const srsId = view.getInt32(4, headerLittle);
  const envelope = (flags >> 1) & 7;
  const envelopeBytes = [0, 32, 48, 48, 64][envelope];
  if (envelopeBytes === undefined) throw new Error(`envelope indicator ${envelope}`);
  if (flags & 0x10) return { srsId, geometry: null };
  const wkb = new WkbReader(view, 8 + envelopeBytes);
  const { base, dims } = wkb.header();
  if (base === 3) return { srsId, geometry: { type: 'Polygon', coordinates: wkb.rings(dims) } };
  if (base === 6) {
    const polygons: Position[][][] = [];
    for (let n = wkb.uint32(); n > 0; n--) {
      const part = wkb.header();
      if (part.base !== 3) throw new Error(`MultiPolygon part of WKB type ${part.base}`);
      polygons.push(wkb.rings(part.dims));
    }
    return { srsId, geometry: { type: 'MultiPolygon', coordinates: polygons } };
  }
  const names = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'Collection'];
  return { srsId, geometry: { type: names[base] ?? `WKB ${base}` } };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The features of a GeoPackage's feature table (the only one, or `layer`), as the GeoJSON reader gives them: the
 * row number is the feature's `fid`, attributes are the other columns. The layer must be in SWEREF 99 TM
 * (EPSG:3006, by gpkg_spatial_ref_sys); a geometry in another srs_id, or one that cannot be decoded, is a row error.
 */
export async function readGeoPackage(
  bytes: Uint8Array,
  file: string,
  layer?: string,
): Promise<{ features: InputFeature[]; issues: ImportIssue[] }> {
  const SQL = await initSqlJs();
  let db;
  try {
    db = new SQL.Database(bytes);
    db.exec('SELECT 1 FROM gpkg_contents LIMIT 1');
  } catch (err) {
    db?.close();
    return {
      features: [],
      issues: [issue(file, null, null, 'gpkg.notGeoPackage', { reason: (err as Error).message })],
    };
  }
  try {
    const tables =
      db.exec(
        `SELECT c.table_name, g.column_name, g.srs_id, s.organization, s.organization_coordsys_id
         FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
         LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
        WHERE c.data_type = 'features' ORDER BY c.table_name`,
      )[0]?.values ?? [];
    const names = tables.map((t) => String(t[0]));
    const chosen =
      layer === undefined ? (tables.length === 1 ? tables[0] : undefined) : tables.find((t) => t[0] === layer);
    if (!chosen)
      return {
        features: [],
        issues: [
          issue(file, null, 'layer', layer === undefined ? 'gpkg.layers' : 'gpkg.noLayer', {
            value: layer ?? '',
            layers: names.join(', ') || '—',
          }),
        ],
      };
    const [table, geomColumn, srsId, org, orgId] = chosen as [string, string, number, string | null, number | null];
    if (String(org).toUpperCase() !== 'EPSG' || Number(orgId) !== 3006)
      return {
        features: [],
        issues: [issue(file, null, 'srs_id', 'crs.unsupported', { value: `${org ?? '?'}:${orgId ?? srsId}` })],
      };
    const pk = (db.exec(`PRAGMA table_info(${quote(table)})`)[0]?.values ?? []).find((c) => Number(c[5]) === 1);
    const fid = pk ? String(pk[1]) : 'rowid';
    const result = db.exec(`SELECT ${quote(fid)} AS __fid, * FROM ${quote(table)} ORDER BY ${quote(fid)}`)[0];
    if (!result) return { features: [], issues: [issue(file, null, null, 'file.empty')] };
    const issues: ImportIssue[] = [];
    const features: InputFeature[] = result.values.map((row) => {
      const index = Number(row[0]);
      const properties: Record<string, unknown> = {};
      let geometry: GpkgGeometry = null;
      result.columns.forEach((column, i) => {
        if (i === 0 || column === fid) return;
        const value = row[i];
        if (column !== geomColumn) properties[column] = value;
        else if (value instanceof Uint8Array) {
          try {
            const decoded = decodeGpkgGeometry(value);
            if (decoded.srsId !== srsId)
              issues.push(issue(file, index, geomColumn, 'crs.unsupported', { value: `srs_id ${decoded.srsId}` }));
            else geometry = decoded.geometry;
          } catch (err) {
            issues.push(issue(file, index, geomColumn, 'geometry.invalid', { reason: (err as Error).message }));
          }
        }
      });
      return { index, properties, geometry };
    });
    return { features, issues };
  } finally {
    db.close();
  }
}
