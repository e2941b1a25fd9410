import { Area, AREA_SCALE, Decimal, roundHalfUp } from '@app/money';

/**
 * The planar area of a parcel as Chinese cadastral surveys state it: the boundary is projected with
 * the Gauss–Krüger projection (transverse Mercator, scale 1 on the central meridian) on the CGCS2000
 * ellipsoid, in the 3-degree zone that holds the parcel's centroid, and the projected polygon's area is
 * taken with the shoelace formula (holes subtracted).
 *
 * Why not the area on the ellipsoid: the declared areas (土地面积) we compare against are planar areas
 * from such a projection. They are larger than the ellipsoidal area by the square of the projection's
 * scale factor, k² ≈ 1 + (Δλ·cos φ)², i.e. at most about 0.03% at the edge of a 3-degree zone in
 * Shandong — well inside the 0.5% declared-area tolerance, but it is the figure surveyors report.
 *
 * Coordinates are float64 (they cannot be anything else in trigonometry); the area leaves this module
 * as an {@link Area} rounded to 2 places with ROUND_HALF_UP, and nowhere else is it a JS number.
 */

/** A position as GeoJSON writes it: [longitude, latitude] in degrees. */
export type LonLat = readonly [lon: number, lat: number];
/** A closed linear ring (first position repeated at the end, as GeoJSON requires). */
export type Ring = readonly LonLat[];
/** One polygon: the outer ring first, then its holes. */
export type PolygonRings = readonly Ring[];

/** An ellipsoid of revolution: semi-major axis `a` in metres and flattening `f`. */
export interface Ellipsoid {
  readonly a: number;
  readonly f: number;
}

/** CGCS2000 (China Geodetic Coordinate System 2000, EPSG:4490). WGS 84 differs only in f, by 1.6e-11. */
export const CGCS2000_ELLIPSOID: Ellipsoid = Object.freeze({ a: 6378137, f: 1 / 298.257222101 });

/** Width of a Gauss–Krüger zone in degrees: Chinese large-scale (cadastral) maps use 3-degree zones. */
export const GAUSS_KRUGER_ZONE_WIDTH = 3;
/** False easting of Chinese Gauss–Krüger grids (without the zone-number prefix). */
export const GAUSS_KRUGER_FALSE_EASTING = 500000;

export interface TransverseMercatorOptions {
  /** Longitude of the central meridian, degrees. */
  centralMeridian: number;
  /** Default CGCS2000. */
  ellipsoid?: Ellipsoid;
  /** Scale on the central meridian: 1 for Gauss–Krüger (default), 0.9996 for UTM. */
  scaleFactor?: number;
  /** Metres added to the easting; default 500000 (the Chinese Gauss–Krüger grid). */
  falseEasting?: number;
  /** Metres added to the northing; default 0. */
  falseNorthing?: number;
}

export interface ProjectedPoint {
  readonly easting: number;
  readonly northing: number;
}

export interface TransverseMercator {
  /** Geographic degrees → grid metres. */
  forward(lon: number, lat: number): ProjectedPoint;
  /** Grid metres → geographic degrees. */
  inverse(easting: number, northing: number): { readonly lon: number; readonly lat: number };
}

const DEG = Math.PI / 180;
const SERIES_ORDER = 4;

/**
 * The transverse Mercator projection by Krüger's series in the third flattening n = f / (2 − f),
 * carried to n⁴ (L. Krüger 1912, in the form of C. F. F. Karney, "Transverse Mercator with an accuracy
 * of a few nanometers", J. Geodesy 85 (2011), eqs. 7–11, 35–36):
 *
 *   A   = a / (1 + n) · (1 + n²/4 + n⁴/64)                         rectifying radius
 *   t   = sinh(atanh(sin φ) − e · atanh(e · sin φ))               tan of the conformal latitude
 *   ξ'  = atan2(t, cos Δλ),   η' = atanh(sin Δλ / √(1 + t²))      spherical transverse Mercator
 *   ξ   = ξ' + Σ αⱼ sin 2jξ' cosh 2jη',   η = η' + Σ αⱼ cos 2jξ' sinh 2jη'
 *   N   = N₀ + k₀ A ξ,   E = E₀ + k₀ A η
 *
 * The inverse uses the βⱼ series back to (ξ', η'), then χ = asin(sin ξ' / cosh η') and solves the
 * conformal latitude for φ by fixed-point iteration (it contracts by e² ≈ 0.0067 per step).
 * Truncating at n⁴ leaves errors below 0.1 mm within a 3-degree zone (n⁵ ≈ 1.4e-14, times a).
 * The spec checks it against Snyder's published example (USGS PP 1395, p. 269).
 */
export function transverseMercator(options: TransverseMercatorOptions): TransverseMercator {
  const { a, f } = options.ellipsoid ?? CGCS2000_ELLIPSOID;
  const k0 = options.scaleFactor ?? 1;
  const falseEasting = options.falseEasting ?? GAUSS_KRUGER_FALSE_EASTING;
  const falseNorthing = options.falseNorthing ?? 0;
  const lon0 = options.centralMeridian;
  for (const [name, value] of [
    ['semi-major axis', a],
    ['flattening', f],
    ['scale factor', k0],
    ['central meridian', lon0],
    ['false easting', falseEasting],
    ['false northing', falseNorthing],
  ] as const) {
    if (!Number.isFinite(value)) throw new RangeError(`transverse Mercator ${name} must be finite`);
  }
  if (!(a > 0) || !(f > 0 && f < 1) || !(k0 > 0)) {
    throw new RangeError('transverse Mercator needs a > 0, 0 < f < 1 and a positive scale factor');
  }

  const n = f / (2 - f);
  const n2 = n * n;
  const n3 = n2 * n;
  const n4 = n3 * n;
  const e = (2 * Math.sqrt(n)) / (1 + n);
  const kA = (k0 * a * (1 + n2 / 4 + n4 / 64)) / (1 + n);
  const alpha = [
    n / 2 - (2 * n2) / 3 + (5 * n3) / 16 + (41 * n4) / 180,
    (13 * n2) / 48 - (3 * n3) / 5 + (557 * n4) / 1440,
    (61 * n3) / 240 - (103 * n4) / 140,
    (49561 * n4) / 161280,
  ];
  const beta = [
    n / 2 - (2 * n2) / 3 + (37 * n3) / 96 - n4 / 360,
    n2 / 48 + n3 / 15 - (437 * n4) / 1440,
    (17 * n3) / 480 - (37 * n4) / 840,
    (4397 * n4) / 161280,
  ];

  return {
    forward(lon: number, lat: number): ProjectedPoint {
      const phi = lat * DEG;
      const dLambda = (lon - lon0) * DEG;
      const sinPhi = Math.sin(phi);
      const t = Math.sinh(Math.atanh(sinPhi) - e * Math.atanh(e * sinPhi));
      const xiP = Math.atan2(t, Math.cos(dLambda));
      const etaP = Math.atanh(Math.sin(dLambda) / Math.sqrt(1 + t * t));
      let xi = xiP;
      let eta = etaP;
      for (let j = 1; j <= SERIES_ORDER; j++) {
        xi += alpha[j - 1] * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
        eta += alpha[j - 1] * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
      }
      return { easting: falseEasting + kA * eta, northing: falseNorthing + kA * xi };
    },

    inverse(easting: number, northing: number): { readonly lon: number; readonly lat: number } {
      const xi = (northing - falseNorthing) / kA;
      const eta = (easting - falseEasting) / kA;
      let xiP = xi;
      let etaP = eta;
      for (let j = 1; j <= SERIES_ORDER; j++) {
        xiP -= beta[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
        etaP -= beta[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
      }
      const chi = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
      // atanh(sin φ) − e·atanh(e·sin φ) = atanh(sin χ): solve for φ.
      const psi = Math.atanh(Math.sin(chi));
      let phi = chi;
      for (let i = 0; i < 30; i++) {
        const next = Math.asin(Math.tanh(psi + e * Math.atanh(e * Math.sin(phi))));
        const done = Math.abs(next - phi) < 1e-15;
        phi = next;
        if (done) break;
      }
      return { lon: lon0 + Math.atan2(Math.sinh(etaP), Math.cos(xiP)) / DEG, lat: phi / DEG };
    },
  };
}

/** The Gauss–Krüger projection of a zone: transverse Mercator, scale 1, false easting 500 km. */
export function gaussKruger(centralMeridian: number, ellipsoid: Ellipsoid = CGCS2000_ELLIPSOID): TransverseMercator {
  return transverseMercator({ centralMeridian, ellipsoid });
}

/**
 * The 3-degree Gauss–Krüger zone of a longitude: zone n has central meridian 3n° and covers
 * 3n − 1.5° .. 3n + 1.5° (e.g. Shouguang, 118.79° E, is in zone 40, central meridian 120° E).
 * A longitude exactly on a zone edge goes to the eastern zone.
 */
export function threeDegreeZone(lon: number): { readonly zone: number; readonly centralMeridian: number } {
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw new RangeError(`longitude must be within -180..180, got ${String(lon)}`);
  }
  const zone = Math.floor(lon / GAUSS_KRUGER_ZONE_WIDTH + 0.5);
  return { zone, centralMeridian: zone * GAUSS_KRUGER_ZONE_WIDTH };
}

/** Twice the signed area (shoelace) of a closed ring of plane points, relative to (x0, y0). */
function doubleSignedArea(xs: readonly number[], ys: readonly number[], x0: number, y0: number): number {
  let sum = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    sum += (xs[i] - x0) * (ys[i + 1] - y0) - (xs[i + 1] - x0) * (ys[i] - y0);
  }
  return sum;
}

/**
 * The longitude of the area-weighted centroid of the polygons (holes subtracted), computed in the
 * lon/lat plane, which is plenty to pick a zone. Falls back to the middle of the longitudes when the
 * polygons have no area.
 */
export function centroidLongitude(polygons: readonly PolygonRings[]): number {
  let first: LonLat | undefined;
  let weight = 0;
  let moment = 0;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const polygon of polygons) {
    polygon.forEach((ring, ringIndex) => {
      if (ring.length === 0) return;
      first ??= ring[0];
      const [x0, y0] = first;
      let twiceArea = 0;
      let cx = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const xi = ring[i][0] - x0;
        const yi = ring[i][1] - y0;
        const xj = ring[i + 1][0] - x0;
        const yj = ring[i + 1][1] - y0;
        const cross = xi * yj - xj * yi;
        twiceArea += cross;
        cx += (xi + xj) * cross;
      }
      for (const [lon] of ring) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
      }
      if (twiceArea === 0) return;
      // The ring's centroid is cx / (3·twiceArea) whatever its orientation; weight it by ±|area|.
      const signedWeight = (ringIndex === 0 ? 1 : -1) * Math.abs(twiceArea);
      weight += signedWeight;
      moment += signedWeight * (cx / (3 * twiceArea));
    });
  }
  if (first === undefined) throw new RangeError('cannot locate an empty boundary');
  return weight > 0 ? first[0] + moment / weight : (minLon + maxLon) / 2;
}

export interface PlanarAreaOptions {
  /** Override the zone's central meridian (degrees); default: the 3-degree zone of the centroid. */
  centralMeridian?: number;
  /** Default CGCS2000. */
  ellipsoid?: Ellipsoid;
}

export interface PlanarAreaResult {
  /** ㎡, 2 places, ROUND_HALF_UP. */
  readonly area: Area;
  /** The central meridian used, degrees. */
  readonly centralMeridian: number;
}

/**
 * The Gauss–Krüger planar area of polygons given as [lon, lat] rings: each polygon is |outer ring|
 * minus the |holes| (orientation does not matter), and the polygons add up. The geometry should have
 * passed {@link validateBoundary}; this function does not check topology.
 */
export function computePlanarArea(
  polygons: readonly PolygonRings[],
  options: PlanarAreaOptions = {},
): PlanarAreaResult {
  const centralMeridian = options.centralMeridian ?? threeDegreeZone(centroidLongitude(polygons)).centralMeridian;
  const projection = gaussKruger(centralMeridian, options.ellipsoid);
  let origin: ProjectedPoint | undefined;
  let squareMetres = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, ringIndex) => {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const [lon, lat] of ring) {
        const p = projection.forward(lon, lat);
        xs.push(p.easting);
        ys.push(p.northing);
      }
      if (xs.length === 0) return;
      // Shoelace relative to a nearby point: grid values are ~10⁶ m, so products would lose centimetres.
      origin ??= { easting: xs[0], northing: ys[0] };
      const ringArea = Math.abs(doubleSignedArea(xs, ys, origin.easting, origin.northing)) / 2;
      squareMetres += ringIndex === 0 ? ringArea : -ringArea;
    });
  }
  return { area: squareMetresToArea(squareMetres), centralMeridian };
}

/** {@link computePlanarArea}, area only. */
export function planarArea(polygons: readonly PolygonRings[], options: PlanarAreaOptions = {}): Area {
  return computePlanarArea(polygons, options).area;
}

/**
 * The one place a float area becomes an {@link Area}: `String(x)` is the shortest decimal that reads
 * back as the same float, so nothing is invented, then ROUND_HALF_UP to 2 places.
 */
function squareMetresToArea(squareMetres: number): Area {
  if (!Number.isFinite(squareMetres)) throw new RangeError('the boundary has no finite area');
  return Area.of(roundHalfUp(new Decimal(String(squareMetres)), AREA_SCALE));
}
