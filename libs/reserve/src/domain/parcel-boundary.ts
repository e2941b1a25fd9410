import { DomainError } from '@app/common/domain-error';
import type { Area } from '@app/money';
import { computePlanarArea, type LonLat } from './planar-area';

/**
 * Validation of a parcel boundary (宗地界址) sent as GeoJSON, and its normal form.
 *
 * Accepted: a `Polygon` or `MultiPolygon` geometry, or a `Feature` wrapping one. Positions are
 * [longitude, latitude] in degrees — always in that order, as RFC 7946 requires, whatever axis order
 * the CRS's official definition has. WGS 84 (EPSG:4326) and CGCS2000 (EPSG:4490) coincide at
 * parcel precision (centimetres), so both are accepted and treated alike. Projected grids (e.g.
 * EPSG:4527, CGCS2000 / 3-degree Gauss–Krüger zone 39, in metres) are refused: send degrees.
 *
 * Edges are straight lines between positions in the lon/lat plane (a parcel is far too small for the
 * difference from a geodesic to matter); boundaries crossing the antimeridian are not supported.
 *
 * The rules are those of a simple-features valid polygon, slightly stricter: a ring may not cross or
 * touch itself; the rings of a polygon may not cross or touch each other, not even at one point (OGC
 * allows a one-point touch; a cadastral boundary never needs it); holes lie inside their outer ring
 * and not inside each other; the polygons of a MultiPolygon neither overlap nor touch (one may lie
 * in a hole of another). The first violation found is thrown, with the offending member named in
 * `field` (`boundary.coordinates[0][3]`) and the indices in `details`.
 */

export type BoundaryCrs = 'EPSG:4326' | 'EPSG:4490';
export const BOUNDARY_CRS_VALUES: readonly BoundaryCrs[] = ['EPSG:4326', 'EPSG:4490'];

/** Stable machine codes (mapped to 400 by the HTTP filter's table). */
export const BoundaryErrorCode = {
  INVALID_TYPE: 'BOUNDARY_INVALID_TYPE',
  UNSUPPORTED_CRS: 'BOUNDARY_UNSUPPORTED_CRS',
  EMPTY: 'BOUNDARY_EMPTY',
  TOO_COMPLEX: 'BOUNDARY_TOO_COMPLEX',
  INVALID_COORDINATE: 'BOUNDARY_INVALID_COORDINATE',
  TOO_FEW_POINTS: 'BOUNDARY_TOO_FEW_POINTS',
  RING_NOT_CLOSED: 'BOUNDARY_RING_NOT_CLOSED',
  REPEATED_POINT: 'BOUNDARY_REPEATED_POINT',
  ZERO_AREA: 'BOUNDARY_ZERO_AREA',
  SELF_INTERSECTION: 'BOUNDARY_SELF_INTERSECTION',
  HOLE_OUTSIDE: 'BOUNDARY_HOLE_OUTSIDE',
  PARTS_OVERLAP: 'BOUNDARY_PARTS_OVERLAP',
} as const;
export type BoundaryErrorCode = (typeof BoundaryErrorCode)[keyof typeof BoundaryErrorCode];

/** Longitudes and latitudes (degrees, inclusive) a boundary must stay within. */
export interface BoundingBox {
  readonly minLon: number;
  readonly maxLon: number;
  readonly minLat: number;
  readonly maxLat: number;
}

/** Mainland China and its islands, generously: 73..136 E, 3..54 N. */
export const CHINA_BOUNDING_BOX: BoundingBox = Object.freeze({ minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 });

/** Default cap on the positions of one boundary (closing positions included): O(n²) checks stay fast. */
export const MAX_BOUNDARY_VERTICES = 10_000;

/**
 * Distance in degrees (about 0.1 mm) under which two points coincide and a point lies on a segment.
 * Survey coordinates carry about 1e-8° (1 mm); anything closer is a digitizing artefact.
 */
export const BOUNDARY_TOLERANCE_DEGREES = 1e-9;

export interface PolygonBoundary {
  readonly type: 'Polygon';
  readonly coordinates: readonly (readonly LonLat[])[];
}

export interface MultiPolygonBoundary {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly (readonly LonLat[])[])[];
}

export type BoundaryGeometry = PolygonBoundary | MultiPolygonBoundary;

export interface BoundaryOptions {
  /** The CRS the caller declares; default: the GeoJSON's own `crs` member, else EPSG:4326 (RFC 7946). */
  crs?: BoundaryCrs;
  /** If set, every position must lie inside (e.g. {@link CHINA_BOUNDING_BOX}); default: no such check. */
  boundingBox?: BoundingBox;
  /** Default {@link MAX_BOUNDARY_VERTICES}. */
  maxVertices?: number;
  /** Name of the input in error fields; default `boundary`. */
  field?: string;
}

export interface ValidatedBoundary {
  /**
   * The same geometry type as the input (a Feature is unwrapped), positions reduced to [lon, lat],
   * outer rings counter-clockwise and holes clockwise (RFC 7946 §3.1.6), every array a fresh copy.
   */
  readonly geometry: BoundaryGeometry;
  readonly crs: BoundaryCrs;
  /** Gauss–Krüger planar area, ㎡, 2 places (see planar-area.ts). */
  readonly area: Area;
  /** Central meridian of the 3-degree zone the area was computed in. */
  readonly centralMeridian: number;
  /** Positions in the input, closing positions included. */
  readonly vertexCount: number;
}

/** A ring as parsed: where it came from and its closed list of [lon, lat]. */
interface ParsedRing {
  readonly path: string;
  readonly points: readonly LonLat[];
}

interface ParsedPolygon {
  readonly path: string;
  readonly rings: readonly ParsedRing[];
}

const CRS_NAMES: Readonly<Record<string, BoundaryCrs>> = {
  'EPSG:4326': 'EPSG:4326',
  'EPSG:4490': 'EPSG:4490',
  'urn:ogc:def:crs:OGC:1.3:CRS84': 'EPSG:4326',
  'urn:ogc:def:crs:OGC::CRS84': 'EPSG:4326',
  'urn:ogc:def:crs:EPSG::4326': 'EPSG:4326',
  'urn:ogc:def:crs:EPSG::4490': 'EPSG:4490',
};

function fail(code: BoundaryErrorCode, message: string, field: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, field, details);
}

function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !isList(value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (isList(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value;
}

/**
 * A CRS name as GeoJSON 2008 `crs` members and our API spell it → the CRS, or undefined if it is not
 * one of the geographic CRSs we accept.
 */
export function resolveBoundaryCrs(name: unknown): BoundaryCrs | undefined {
  return typeof name === 'string' && Object.hasOwn(CRS_NAMES, name) ? CRS_NAMES[name] : undefined;
}

/** The legacy `crs: { type: "name", properties: { name } }` member, if present. */
function crsMember(object: Record<string, unknown>, path: string): BoundaryCrs | undefined {
  if (object.crs === undefined || object.crs === null) return undefined;
  const name = isRecord(object.crs) && isRecord(object.crs.properties) ? object.crs.properties.name : undefined;
  const crs = resolveBoundaryCrs(name);
  if (crs === undefined) {
    fail(
      BoundaryErrorCode.UNSUPPORTED_CRS,
      `${path}.crs must name EPSG:4490 (CGCS2000) or EPSG:4326 (WGS 84) with [longitude, latitude] in degrees; ` +
        `got ${describeValue(name)} (projected grid coordinates are not accepted)`,
      `${path}.crs`,
      { crs: typeof name === 'string' ? name : null },
    );
  }
  return crs;
}

function checkBoundingBox(box: BoundingBox): void {
  const { minLon, maxLon, minLat, maxLat } = box;
  const ok =
    [minLon, maxLon, minLat, maxLat].every(Number.isFinite) &&
    minLon >= -180 &&
    maxLon <= 180 &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLon < maxLon &&
    minLat < maxLat;
  if (!ok) throw new RangeError('boundingBox must satisfy -180 ≤ minLon < maxLon ≤ 180 and -90 ≤ minLat < maxLat ≤ 90');
}

function formatBox(box: BoundingBox): string {
  return `longitude ${box.minLon}..${box.maxLon}, latitude ${box.minLat}..${box.maxLat}`;
}

function parsePosition(value: unknown, path: string, box: BoundingBox | undefined): LonLat {
  if (!isList(value) || value.length < 2 || value.length > 3) {
    fail(
      BoundaryErrorCode.INVALID_COORDINATE,
      `${path} must be a position [longitude, latitude] (an optional third altitude is ignored); got ${describeValue(value)}`,
      path,
    );
  }
  const names = ['longitude', 'latitude', 'altitude'];
  value.forEach((c, i) => {
    if (typeof c !== 'number' || !Number.isFinite(c)) {
      fail(BoundaryErrorCode.INVALID_COORDINATE, `${path}: ${names[i]} must be a finite number, got ${describeValue(c)}`, path, {
        index: i,
      });
    }
  });
  const lon = value[0] as number;
  const lat = value[1] as number;
  if (lon < -180 || lon > 180) {
    fail(BoundaryErrorCode.INVALID_COORDINATE, `${path}: longitude ${lon} is outside -180..180`, path, {
      reason: 'out_of_range',
      position: [lon, lat],
    });
  }
  if (lat < -90 || lat > 90) {
    const swapped =
      lon >= -90 && lon <= 90 ? ' (are longitude and latitude swapped? GeoJSON writes [longitude, latitude])' : '';
    fail(BoundaryErrorCode.INVALID_COORDINATE, `${path}: latitude ${lat} is outside -90..90${swapped}`, path, {
      reason: 'out_of_range',
      position: [lon, lat],
    });
  }
  if (box !== undefined && (lon < box.minLon || lon > box.maxLon || lat < box.minLat || lat > box.maxLat)) {
    fail(
      BoundaryErrorCode.INVALID_COORDINATE,
      `${path}: [${lon}, ${lat}] is outside the permitted area (${formatBox(box)})`,
      path,
      { reason: 'outside_bounding_box', position: [lon, lat], boundingBox: { ...box } },
    );
  }
  return [lon, lat];
}

function samePoint(a: LonLat, b: LonLat, tolerance: number): boolean {
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance;
}

/** Twice the signed area of a closed ring in degrees², relative to its first point (CCW > 0). */
function doubleSignedArea(points: readonly LonLat[]): number {
  const [x0, y0] = points[0];
  let sum = 0;
  for (let i = 1; i + 2 < points.length; i++) {
    sum += (points[i][0] - x0) * (points[i + 1][1] - y0) - (points[i + 1][0] - x0) * (points[i][1] - y0);
  }
  return sum;
}

/**
 * All positions within the tolerance of one line (the line from the first position to the one
 * farthest from it). Not the signed area, which is also zero for a symmetric bow-tie: that one is a
 * self-intersection, reported as such.
 */
function collinear(points: readonly LonLat[]): boolean {
  const first = points[0];
  let far = first;
  let farthest = 0;
  for (const p of points) {
    const d = Math.hypot(p[0] - first[0], p[1] - first[1]);
    if (d > farthest) {
      farthest = d;
      far = p;
    }
  }
  return points.every((p) => orientation(first, far, p) === 0);
}

function parseRing(value: unknown, path: string, box: BoundingBox | undefined): ParsedRing {
  if (!isList(value)) {
    const message = `${path} must be a linear ring (an array of positions); got ${describeValue(value)}`;
    fail(BoundaryErrorCode.INVALID_TYPE, message, path);
  }
  const points = value.map((p, i) => parsePosition(p, `${path}[${i}]`, box));
  if (points.length < 4) {
    fail(
      BoundaryErrorCode.TOO_FEW_POINTS,
      `${path} has ${points.length} positions; a ring needs at least 4 (3 corners and the first repeated at the end)`,
      path,
      { positions: points.length, minimum: 4 },
    );
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    fail(
      BoundaryErrorCode.RING_NOT_CLOSED,
      `${path} is not closed: its last position must repeat the first exactly`,
      path,
      { first: [...first], last: [...last] },
    );
  }
  for (let i = 1; i < points.length; i++) {
    if (samePoint(points[i - 1], points[i], BOUNDARY_TOLERANCE_DEGREES)) {
      fail(
        BoundaryErrorCode.REPEATED_POINT,
        `${path}[${i}] repeats the position before it; remove the duplicate`,
        `${path}[${i}]`,
        { positions: [i - 1, i] },
      );
    }
  }
  if (collinear(points)) {
    fail(BoundaryErrorCode.ZERO_AREA, `${path} encloses no area: its positions lie on one line`, path);
  }
  return { path, points };
}

function parsePolygon(value: unknown, path: string, box: BoundingBox | undefined): ParsedPolygon {
  if (!isList(value)) {
    fail(BoundaryErrorCode.INVALID_TYPE, `${path} must be an array of linear rings; got ${describeValue(value)}`, path);
  }
  if (value.length === 0) {
    fail(BoundaryErrorCode.EMPTY, `${path} has no rings; a polygon needs its outer ring`, path);
  }
  return { path, rings: value.map((ring, i) => parseRing(ring, `${path}[${i}]`, box)) };
}

/** Counts positions without looking inside them, so a huge input is refused before any real work. */
function countPositions(polygons: readonly unknown[]): number {
  let count = 0;
  for (const polygon of polygons) {
    if (!isList(polygon)) continue;
    for (const ring of polygon) if (isList(ring)) count += ring.length;
  }
  return count;
}

/** -1 (clockwise), 0 (c within `tolerance` of the line ab) or 1 (counter-clockwise). */
export function orientation(a: LonLat, b: LonLat, c: LonLat, tolerance: number = BOUNDARY_TOLERANCE_DEGREES): -1 | 0 | 1 {
  const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  // |cross| / |ab| is the distance of c from the line ab; compare the distance, not the raw product.
  if (Math.abs(cross) <= tolerance * length || length <= tolerance) return 0;
  return cross > 0 ? 1 : -1;
}

/** c, already known to be on the line ab, lies within the segment ab (ends included, with tolerance). */
function withinSegment(a: LonLat, b: LonLat, c: LonLat, tolerance: number): boolean {
  return (
    c[0] >= Math.min(a[0], b[0]) - tolerance &&
    c[0] <= Math.max(a[0], b[0]) + tolerance &&
    c[1] >= Math.min(a[1], b[1]) - tolerance &&
    c[1] <= Math.max(a[1], b[1]) + tolerance
  );
}

/** c lies on the segment ab (within tolerance). */
function onSegment(a: LonLat, b: LonLat, c: LonLat, tolerance: number): boolean {
  return orientation(a, b, c, tolerance) === 0 && withinSegment(a, b, c, tolerance);
}

/**
 * Do the closed segments p1p2 and q1q2 share a point? Proper crossings, an endpoint touching the other
 * segment and collinear overlaps all count; "touching" is judged with `tolerance` (degrees).
 */
export function segmentsIntersect(
  p1: LonLat,
  p2: LonLat,
  q1: LonLat,
  q2: LonLat,
  tolerance: number = BOUNDARY_TOLERANCE_DEGREES,
): boolean {
  const o1 = orientation(p1, p2, q1, tolerance);
  const o2 = orientation(p1, p2, q2, tolerance);
  const o3 = orientation(q1, q2, p1, tolerance);
  const o4 = orientation(q1, q2, p2, tolerance);
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return (
    (o1 === 0 && withinSegment(p1, p2, q1, tolerance)) ||
    (o2 === 0 && withinSegment(p1, p2, q2, tolerance)) ||
    (o3 === 0 && withinSegment(q1, q2, p1, tolerance)) ||
    (o4 === 0 && withinSegment(q1, q2, p2, tolerance))
  );
}

/** Segment `seg` of ring `ring` of polygon `polygon`, from position `seg` to `seg + 1`. */
interface Edge {
  readonly polygon: number;
  readonly ring: number;
  readonly seg: number;
  /** Segments in the ring. */
  readonly count: number;
  readonly a: LonLat;
  readonly b: LonLat;
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

function edgeOrder(e: Edge, f: Edge): number {
  return e.polygon - f.polygon || e.ring - f.ring || e.seg - f.seg;
}

/** Two edges of one ring that share a vertex meet there legitimately, unless the ring doubles back. */
function adjacentEdgesOverlap(first: Edge, second: Edge): boolean {
  // first.b === second.a; a spike runs back along the previous edge.
  return (
    onSegment(first.a, first.b, second.b, BOUNDARY_TOLERANCE_DEGREES) ||
    onSegment(second.a, second.b, first.a, BOUNDARY_TOLERANCE_DEGREES)
  );
}

/** Edge pairs that intersect where they must not; e < f in edgeOrder. */
function illegalContact(e: Edge, f: Edge): boolean {
  if (e.polygon === f.polygon && e.ring === f.ring) {
    if (f.seg === e.seg + 1) return adjacentEdgesOverlap(e, f);
    if (e.seg === 0 && f.seg === e.count - 1) return adjacentEdgesOverlap(f, e);
  }
  return segmentsIntersect(e.a, e.b, f.a, f.b);
}

/**
 * The first (in input order) pair of edges that cross or touch where they must not, found by a sweep
 * along x: worst case O(n²), near-linear for ordinary parcels.
 */
function firstIllegalContact(polygons: readonly ParsedPolygon[]): [Edge, Edge] | undefined {
  const edges: Edge[] = [];
  polygons.forEach((polygon, p) =>
    polygon.rings.forEach((ring, r) => {
      const count = ring.points.length - 1;
      for (let s = 0; s < count; s++) {
        const a = ring.points[s];
        const b = ring.points[s + 1];
        edges.push({
          polygon: p,
          ring: r,
          seg: s,
          count,
          a,
          b,
          minX: Math.min(a[0], b[0]),
          maxX: Math.max(a[0], b[0]),
          minY: Math.min(a[1], b[1]),
          maxY: Math.max(a[1], b[1]),
        });
      }
    }),
  );
  const tol = BOUNDARY_TOLERANCE_DEGREES;
  const byX = [...edges].sort((e, f) => e.minX - f.minX);
  let best: [Edge, Edge] | undefined;
  for (let i = 0; i < byX.length; i++) {
    const e = byX[i];
    for (let j = i + 1; j < byX.length && byX[j].minX <= e.maxX + tol; j++) {
      const f = byX[j];
      if (f.minY > e.maxY + tol || e.minY > f.maxY + tol) continue;
      const pair: [Edge, Edge] = edgeOrder(e, f) < 0 ? [e, f] : [f, e];
      if (best !== undefined && comparePairs(pair, best) >= 0) continue;
      if (illegalContact(pair[0], pair[1])) best = pair;
    }
  }
  return best;
}

/** Within a ring first, then between rings, then between polygons; then input order. */
function comparePairs(x: [Edge, Edge], y: [Edge, Edge]): number {
  return contactKind(x) - contactKind(y) || edgeOrder(x[0], y[0]) || edgeOrder(x[1], y[1]);
}

function contactKind([e, f]: [Edge, Edge]): number {
  if (e.polygon !== f.polygon) return 2;
  return e.ring === f.ring ? 0 : 1;
}

function throwContact([e, f]: [Edge, Edge], polygons: readonly ParsedPolygon[], multi: boolean): never {
  const where = multi ? { polygon: e.polygon } : {};
  const segments = [e.seg, f.seg];
  const seg = (x: Edge): string => `segment ${x.seg} (positions ${x.seg}→${x.seg + 1})`;
  if (e.polygon !== f.polygon) {
    fail(
      BoundaryErrorCode.PARTS_OVERLAP,
      `${polygons[f.polygon].path} crosses or touches ${polygons[e.polygon].path}: ${seg(f)} of ring ${f.ring} meets ` +
        `${seg(e)} of ring ${e.ring}; the polygons of a MultiPolygon must neither overlap nor touch`,
      polygons[f.polygon].path,
      { polygons: [e.polygon, f.polygon], rings: [e.ring, f.ring], segments },
    );
  }
  const rings = polygons[e.polygon].rings;
  if (e.ring === f.ring) {
    fail(
      BoundaryErrorCode.SELF_INTERSECTION,
      `${rings[e.ring].path} intersects itself: ${seg(e)} and ${seg(f)} cross, touch or overlap`,
      rings[e.ring].path,
      { ...where, ring: e.ring, segments },
    );
  }
  fail(
    BoundaryErrorCode.SELF_INTERSECTION,
    `${rings[f.ring].path} crosses or touches ${rings[e.ring].path}: ${seg(f)} meets ${seg(e)}; ` +
      'the rings of a polygon must not meet',
    rings[f.ring].path,
    { ...where, rings: [e.ring, f.ring], segments },
  );
}

/** Even-odd ray casting; the point is known not to lie on the ring. */
function insideRing(point: LonLat, ring: readonly LonLat[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of the holes. */
function insidePolygon(point: LonLat, polygon: ParsedPolygon): boolean {
  const [shell, ...holes] = polygon.rings;
  return insideRing(point, shell.points) && !holes.some((hole) => insideRing(point, hole.points));
}

/** With no edges meeting, one vertex tells on which side a whole ring lies. */
function checkHoles(polygon: ParsedPolygon, multi: boolean, index: number): void {
  const [shell, ...holes] = polygon.rings;
  const where = multi ? { polygon: index } : {};
  holes.forEach((hole, h) => {
    if (!insideRing(hole.points[0], shell.points)) {
      fail(
        BoundaryErrorCode.HOLE_OUTSIDE,
        `${hole.path} is a hole but lies outside the outer ring ${shell.path}`,
        hole.path,
        { ...where, ring: h + 1 },
      );
    }
    holes.forEach((other, k) => {
      if (k !== h && insideRing(hole.points[0], other.points)) {
        fail(
          BoundaryErrorCode.HOLE_OUTSIDE,
          `${hole.path} lies inside another hole, ${other.path}, i.e. outside the polygon`,
          hole.path,
          { ...where, ring: h + 1, insideHole: k + 1 },
        );
      }
    });
  });
}

function checkPartsDisjoint(polygons: readonly ParsedPolygon[]): void {
  polygons.forEach((inner, i) => {
    polygons.forEach((outer, j) => {
      if (i !== j && insidePolygon(inner.rings[0].points[0], outer)) {
        fail(
          BoundaryErrorCode.PARTS_OVERLAP,
          `${inner.path} lies inside ${outer.path}; the polygons of a MultiPolygon must not overlap`,
          inner.path,
          { polygons: [j, i] },
        );
      }
    });
  });
}

/** Outer rings counter-clockwise, holes clockwise (RFC 7946), as fresh arrays. */
function normalizeRing(ring: ParsedRing, isShell: boolean): LonLat[] {
  const points = ring.points.map(([lon, lat]): LonLat => [lon, lat]);
  const counterClockwise = doubleSignedArea(points) > 0;
  return counterClockwise === isShell ? points : points.reverse();
}

function normalizePolygon(polygon: ParsedPolygon): LonLat[][] {
  return polygon.rings.map((ring, r) => normalizeRing(ring, r === 0));
}

/**
 * Checks a GeoJSON boundary and returns it normalized with its Gauss–Krüger planar area. Throws a
 * DomainError with one of the {@link BoundaryErrorCode} codes otherwise.
 */
export function validateBoundary(input: unknown, options: BoundaryOptions = {}): ValidatedBoundary {
  const field = options.field ?? 'boundary';
  const maxVertices = options.maxVertices ?? MAX_BOUNDARY_VERTICES;
  if (options.crs !== undefined && !BOUNDARY_CRS_VALUES.includes(options.crs)) {
    fail(
      BoundaryErrorCode.UNSUPPORTED_CRS,
      `crs must be EPSG:4490 (CGCS2000) or EPSG:4326 (WGS 84); got ${describeValue(options.crs)}`,
      'crs',
    );
  }
  if (options.boundingBox !== undefined) checkBoundingBox(options.boundingBox);

  if (!isRecord(input)) {
    const message = `${field} must be a GeoJSON Polygon or MultiPolygon; got ${describeValue(input)}`;
    fail(BoundaryErrorCode.INVALID_TYPE, message, field);
  }
  let geometry: Record<string, unknown> = input;
  let path = field;
  let declaredCrs = crsMember(input, field);
  if (input.type === 'Feature') {
    path = `${field}.geometry`;
    if (!isRecord(input.geometry)) {
      const message = `${path} must be a Polygon or MultiPolygon; got ${describeValue(input.geometry)}`;
      fail(BoundaryErrorCode.INVALID_TYPE, message, path);
    }
    geometry = input.geometry;
    declaredCrs = crsMember(geometry, path) ?? declaredCrs;
  }
  const type = geometry.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    fail(
      BoundaryErrorCode.INVALID_TYPE,
      `${path} must be a GeoJSON Polygon or MultiPolygon (or a Feature with one); got type ${describeValue(type)}`,
      `${path}.type`,
      { type: typeof type === 'string' ? type : null },
    );
  }
  const coordinatesPath = `${path}.coordinates`;
  const coordinates = geometry.coordinates;
  if (!isList(coordinates)) {
    const message = `${coordinatesPath} must be an array; got ${describeValue(coordinates)}`;
    fail(BoundaryErrorCode.INVALID_TYPE, message, coordinatesPath);
  }
  if (coordinates.length === 0) {
    fail(BoundaryErrorCode.EMPTY, `${coordinatesPath} is empty: the boundary has no polygon`, coordinatesPath);
  }
  const multi = type === 'MultiPolygon';
  const rawPolygons: readonly unknown[] = multi ? coordinates : [coordinates];
  const vertexCount = countPositions(rawPolygons);
  if (vertexCount > maxVertices) {
    fail(
      BoundaryErrorCode.TOO_COMPLEX,
      `${path} has ${vertexCount} positions; at most ${maxVertices} are accepted for one boundary`,
      coordinatesPath,
      { vertices: vertexCount, maximum: maxVertices },
    );
  }

  const polygons = multi
    ? rawPolygons.map((polygon, p) => parsePolygon(polygon, `${coordinatesPath}[${p}]`, options.boundingBox))
    : [parsePolygon(coordinates, coordinatesPath, options.boundingBox)];
  const contact = firstIllegalContact(polygons);
  if (contact !== undefined) throwContact(contact, polygons, multi);
  polygons.forEach((polygon, p) => checkHoles(polygon, multi, p));
  checkPartsDisjoint(polygons);

  const normalized = polygons.map(normalizePolygon);
  const { area, centralMeridian } = computePlanarArea(normalized);
  if (area.isZero()) {
    fail(BoundaryErrorCode.ZERO_AREA, `${path} encloses no measurable area (0.00 ㎡)`, path);
  }
  return {
    geometry: multi ? { type: 'MultiPolygon', coordinates: normalized } : { type: 'Polygon', coordinates: normalized[0] },
    crs: options.crs ?? declaredCrs ?? 'EPSG:4326',
    area,
    centralMeridian,
    vertexCount,
  };
}
