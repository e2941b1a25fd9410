import fc from 'fast-check';
import { Area } from '@app/money';
import {
  CGCS2000_ELLIPSOID,
  centroidLongitude,
  computePlanarArea,
  gaussKruger,
  planarArea,
  threeDegreeZone,
  transverseMercator,
  type Ellipsoid,
  type LonLat,
  type PolygonRings,
  type Ring,
} from './planar-area';

const DEG = Math.PI / 180;

/**
 * Independent reference: the area on the ellipsoid of the quadrilateral bounded by two meridians and
 * two parallels, in closed form (authalic latitude integral):
 *   A = b²/2 · Δλ · [ sin φ / (1 − e² sin² φ) + atanh(e sin φ) / e ] from φ1 to φ2.
 */
function ellipsoidalQuadrilateralArea(lon1: number, lon2: number, lat1: number, lat2: number, ell: Ellipsoid): number {
  const e = Math.sqrt(ell.f * (2 - ell.f));
  const b = ell.a * (1 - ell.f);
  const q = (lat: number): number => {
    const s = Math.sin(lat * DEG);
    return s / (1 - e * e * s * s) + Math.atanh(e * s) / e;
  };
  return ((b * b) / 2) * (lon2 - lon1) * DEG * (q(lat2) - q(lat1));
}

/**
 * Independent reference: Snyder's classic transverse Mercator series (USGS PP 1395, eqs. 8-9, 3-21,
 * 8-10), a different expansion from the Krüger series under test.
 */
function snyderForward(lon: number, lat: number, lon0: number, ell: Ellipsoid, k0 = 1): { x: number; y: number } {
  const e2 = ell.f * (2 - ell.f);
  const ep2 = e2 / (1 - e2);
  const phi = lat * DEG;
  const N = ell.a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  const T = Math.tan(phi) ** 2;
  const C = ep2 * Math.cos(phi) ** 2;
  const A = Math.cos(phi) * (lon - lon0) * DEG;
  const M =
    ell.a *
    ((1 - e2 / 4 - (3 * e2 ** 2) / 64 - (5 * e2 ** 3) / 256) * phi -
      ((3 * e2) / 8 + (3 * e2 ** 2) / 32 + (45 * e2 ** 3) / 1024) * Math.sin(2 * phi) +
      ((15 * e2 ** 2) / 256 + (45 * e2 ** 3) / 1024) * Math.sin(4 * phi) -
      ((35 * e2 ** 3) / 3072) * Math.sin(6 * phi));
  const x = k0 * N * (A + ((1 - T + C) * A ** 3) / 6 + ((5 - 18 * T + T * T + 72 * C - 58 * ep2) * A ** 5) / 120);
  const y =
    k0 *
    (M +
      N *
        Math.tan(phi) *
        ((A * A) / 2 +
          ((5 - T + 9 * C + 4 * C * C) * A ** 4) / 24 +
          ((61 - 58 * T + T * T + 600 * C - 330 * ep2) * A ** 6) / 720));
  return { x, y };
}

/** A closed counter-clockwise lon/lat rectangle. */
function rectangle(lon1: number, lat1: number, lon2: number, lat2: number): Ring {
  return [
    [lon1, lat1],
    [lon2, lat1],
    [lon2, lat2],
    [lon1, lat2],
    [lon1, lat1],
  ];
}

function areaNumber(area: Area): number {
  return Number(area.toString());
}

const SHOUGUANG_SQUARE = rectangle(118.79, 36.86, 118.791, 36.861);

describe('transverse Mercator (Krüger series)', () => {
  it("reproduces Snyder's published ellipsoidal example (Clarke 1866, k0 0.9996) to the published 0.1 m", () => {
    // USGS Professional Paper 1395, p. 269: φ 40°30'N, λ 73°30'W, λ0 75°W → x 127106.5 m, y 4484124.4 m.
    const e2 = 0.00676866;
    const clarke1866: Ellipsoid = { a: 6378206.4, f: 1 - Math.sqrt(1 - e2) };
    const p = transverseMercator({
      centralMeridian: -75,
      ellipsoid: clarke1866,
      scaleFactor: 0.9996,
      falseEasting: 0,
    }).forward(-73.5, 40.5);
    expect(Math.abs(p.easting - 127106.5)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(p.northing - 4484124.4)).toBeLessThanOrEqual(0.05);
  });

  it("agrees with Snyder's series within 1 mm across a 3-degree zone on CGCS2000", () => {
    const projection = gaussKruger(120);
    fc.assert(
      fc.property(
        fc.double({ min: 118.5, max: 121.5, noNaN: true }),
        fc.double({ min: 3, max: 54, noNaN: true }),
        (lon, lat) => {
          const p = projection.forward(lon, lat);
          const s = snyderForward(lon, lat, 120, CGCS2000_ELLIPSOID);
          expect(Math.abs(p.easting - 500000 - s.x)).toBeLessThan(0.001);
          expect(Math.abs(p.northing - s.y)).toBeLessThan(0.001);
        },
      ),
    );
  });

  it('maps the central meridian to easting 500 km and the pole to the GRS 80 quarter meridian', () => {
    const projection = gaussKruger(120);
    expect(projection.forward(120, 0)).toEqual({ easting: 500000, northing: 0 });
    // Quarter meridian of GRS 80 (same a and f as CGCS2000): 10 001 965.7293 m.
    expect(Math.abs(projection.forward(120, 90).northing - 10001965.7293)).toBeLessThan(0.001);
  });

  it('inverts its own forward projection to within 1e-10 degrees', () => {
    const projection = gaussKruger(117);
    fc.assert(
      fc.property(
        fc.double({ min: 115.5, max: 118.5, noNaN: true }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        (lon, lat) => {
          const p = projection.forward(lon, lat);
          const back = projection.inverse(p.easting, p.northing);
          expect(Math.abs(back.lon - lon)).toBeLessThan(1e-10);
          expect(Math.abs(back.lat - lat)).toBeLessThan(1e-10);
        },
      ),
    );
  });

  it('refuses a non-finite central meridian or an impossible ellipsoid', () => {
    expect(() => gaussKruger(Number.NaN)).toThrow(RangeError);
    expect(() => gaussKruger(120, { a: 6378137, f: 0 })).toThrow(RangeError);
  });
});

describe('3-degree zones', () => {
  it.each([
    [118.79, 40, 120],
    [117, 39, 117],
    [118.49, 39, 117],
    [118.5, 40, 120], // a zone edge goes east
    [73.6, 25, 75],
    [135.05, 45, 135],
  ])('puts longitude %p in zone %p with central meridian %p', (lon, zone, centralMeridian) => {
    expect(threeDegreeZone(lon)).toEqual({ zone, centralMeridian });
  });

  it('chooses the central meridian from the centroid of the parcel, not its first vertex', () => {
    // Mostly west of 118.5° E (zone 39) although the first vertex is east of it.
    const ring: Ring = [
      [118.51, 36.8],
      [118.51, 36.81],
      [118.4, 36.81],
      [118.4, 36.8],
      [118.51, 36.8],
    ];
    expect(centroidLongitude([[ring]])).toBeCloseTo(118.455, 9);
    expect(computePlanarArea([[ring]]).centralMeridian).toBe(117);
  });

  it('weights the centroid by area with holes taken out', () => {
    const shell = rectangle(118, 36, 118.02, 36.01);
    const eastHole = rectangle(118.011, 36.001, 118.019, 36.009);
    expect(centroidLongitude([[shell, eastHole]])).toBeLessThan(118.01);
    expect(centroidLongitude([[shell]])).toBeCloseTo(118.01, 12);
  });
});

describe('planar area', () => {
  it('measures a 0.001° square near Shouguang as its ellipsoidal area within 0.1%', () => {
    const expected = ellipsoidalQuadrilateralArea(118.79, 118.791, 36.86, 36.861, CGCS2000_ELLIPSOID);
    expect(expected).toBeGreaterThan(9890); // ≈ 89.20 m × 110.97 m
    expect(expected).toBeLessThan(9900);
    const area = planarArea([[SHOUGUANG_SQUARE]]);
    expect(Math.abs(areaNumber(area) / expected - 1)).toBeLessThan(0.001);
    expect(area.toString()).toBe('9898.92');
  });

  it('is the ellipsoidal area exactly on the central meridian, where the scale is 1', () => {
    const ring = rectangle(119.9995, 36.86, 120.0005, 36.861);
    const expected = ellipsoidalQuadrilateralArea(119.9995, 120.0005, 36.86, 36.861, CGCS2000_ELLIPSOID);
    expect(Math.abs(areaNumber(planarArea([[ring]])) - expected)).toBeLessThanOrEqual(0.01);
  });

  it('exceeds the ellipsoidal area by the square of the Gauss–Krüger scale factor off the central meridian', () => {
    const expected = ellipsoidalQuadrilateralArea(118.79, 118.791, 36.86, 36.861, CGCS2000_ELLIPSOID);
    const excess = areaNumber(planarArea([[SHOUGUANG_SQUARE]])) / expected - 1;
    // k ≈ 1 + (Δλ cos φ)² / 2, so k² − 1 ≈ (Δλ cos φ)² with Δλ = 1.2095° from 120° E.
    const predicted = ((120 - 118.7905) * DEG * Math.cos(36.8605 * DEG)) ** 2;
    expect(excess).toBeGreaterThan(0);
    expect(Math.abs(excess / predicted - 1)).toBeLessThan(0.05);
  });

  it('gives a rectangle of the projected plane the area width × height', () => {
    const projection = gaussKruger(120);
    fc.assert(
      fc.property(
        fc.integer({ min: 420000, max: 578000 }),
        fc.integer({ min: 2000000, max: 5900000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        (easting, northing, width, height) => {
          const corner = (e: number, n: number): LonLat => {
            const p = projection.inverse(e, n);
            return [p.lon, p.lat];
          };
          const ring: Ring = [
            corner(easting, northing),
            corner(easting + width, northing),
            corner(easting + width, northing + height),
            corner(easting, northing + height),
            corner(easting, northing),
          ];
          const result = computePlanarArea([[ring]]);
          expect(result.centralMeridian).toBe(120);
          const gap = result.area.subtract(Area.of(`${width * height}.00`)).toDecimal().abs();
          expect(gap.lte('0.01')).toBe(true);
        },
      ),
    );
  });

  it('does not depend on where a ring starts or which way it runs', () => {
    fc.assert(
      fc.property(starPolygon(), fc.nat(), fc.boolean(), (ring, shift, reverse) => {
        const open = ring.slice(0, -1);
        const k = shift % open.length;
        let rotated = [...open.slice(k), ...open.slice(0, k)];
        if (reverse) rotated = rotated.reverse();
        const other: Ring = [...rotated, rotated[0]];
        const gap = planarArea([[ring]]).subtract(planarArea([[other]])).toDecimal().abs();
        expect(gap.lte('0.01')).toBe(true);
      }),
    );
  });

  it('subtracts holes and adds the polygons of a multipolygon', () => {
    const shell = rectangle(118.79, 36.86, 118.792, 36.862);
    const hole = rectangle(118.7905, 36.8605, 118.7915, 36.8615);
    const other = rectangle(118.795, 36.86, 118.796, 36.861);
    const whole = (polygons: PolygonRings[]): number => areaNumber(planarArea(polygons, { centralMeridian: 120 }));
    const withHole = whole([[shell, hole]]);
    expect(withHole).toBeCloseTo(whole([[shell]]) - whole([[hole]]), 1);
    expect(whole([[shell, hole], [other]])).toBeCloseTo(withHole + whole([[other]]), 1);
    // A hole counts as a hole whichever way it runs.
    expect(whole([[shell, [...hole].reverse()]])).toBe(withHole);
  });

  it('returns an Area with exactly two decimal places', () => {
    const area = planarArea([[SHOUGUANG_SQUARE]]);
    expect(Area.isArea(area)).toBe(true);
    expect(area.toString()).toMatch(/^\d+\.\d{2}$/);
  });
});

/** Random simple star-shaped rings around a point near Shouguang (closed, counter-clockwise). */
function starPolygon(): fc.Arbitrary<Ring> {
  return fc
    .tuple(
      fc.double({ min: 118.6, max: 119.0, noNaN: true }),
      fc.double({ min: 36.7, max: 37.0, noNaN: true }),
      fc.array(fc.double({ min: 0.0002, max: 0.002, noNaN: true }), { minLength: 3, maxLength: 24 }),
    )
    .map(([lon, lat, radii]) => {
      const open: LonLat[] = radii.map((r, i) => {
        const angle = (2 * Math.PI * i) / radii.length;
        return [lon + r * Math.cos(angle), lat + r * Math.sin(angle)];
      });
      return [...open, open[0]];
    });
}
