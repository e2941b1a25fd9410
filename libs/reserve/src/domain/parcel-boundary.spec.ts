import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import {
  BOUNDARY_TOLERANCE_DEGREES,
  CHINA_BOUNDING_BOX,
  MAX_BOUNDARY_VERTICES,
  orientation,
  segmentsIntersect,
  validateBoundary,
  type BoundaryOptions,
} from './parcel-boundary';
import { planarArea, type LonLat } from './planar-area';

type Pos = [number, number];

/** A closed rectangle, counter-clockwise unless `clockwise`. */
function rect(lon1: number, lat1: number, lon2: number, lat2: number, clockwise = false): Pos[] {
  const ccw: Pos[] = [
    [lon1, lat1],
    [lon2, lat1],
    [lon2, lat2],
    [lon1, lat2],
    [lon1, lat1],
  ];
  return clockwise ? ccw.reverse() : ccw;
}

/** Offsets (in 0.0001°) from a corner near Shouguang → closed ring. */
function ring(...offsets: [number, number][]): Pos[] {
  const points = offsets.map(([x, y]): Pos => [118.79 + x * 0.0001, 36.86 + y * 0.0001]);
  return [...points, points[0]];
}

const polygon = (...rings: Pos[][]) => ({ type: 'Polygon', coordinates: rings });
const multi = (...polygons: Pos[][][]) => ({ type: 'MultiPolygon', coordinates: polygons });

const SQUARE = rect(118.79, 36.86, 118.791, 36.861);

function rejection(input: unknown, options?: BoundaryOptions): DomainError {
  try {
    validateBoundary(input, options);
  } catch (error: unknown) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the boundary to be rejected');
}

/** Twice the signed area in the lon/lat plane: > 0 counter-clockwise. */
function signedArea(points: readonly LonLat[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    sum += points[i][0] * points[i + 1][1] - points[i + 1][0] * points[i][1];
  }
  return sum;
}

describe('segment intersection', () => {
  const p = (x: number, y: number): LonLat => [x, y];

  it('counts a proper crossing', () => {
    expect(segmentsIntersect(p(0, 0), p(1, 1), p(0, 1), p(1, 0))).toBe(true);
  });

  it('counts an endpoint touching the other segment (a T-junction)', () => {
    expect(segmentsIntersect(p(0, 0), p(2, 0), p(1, 0), p(1, 1))).toBe(true);
  });

  it('counts a collinear overlap but not collinear segments apart', () => {
    expect(segmentsIntersect(p(0, 0), p(2, 0), p(1, 0), p(3, 0))).toBe(true);
    expect(segmentsIntersect(p(0, 0), p(1, 0), p(2, 0), p(3, 0))).toBe(false);
  });

  it('does not count parallel segments or a near miss beyond the tolerance', () => {
    expect(segmentsIntersect(p(0, 0), p(1, 0), p(0, 1), p(1, 1))).toBe(false);
    expect(segmentsIntersect(p(0, 0), p(2, 0), p(1, 10 * BOUNDARY_TOLERANCE_DEGREES), p(1, 1))).toBe(false);
  });

  it('counts a touch within the tolerance as a touch', () => {
    expect(segmentsIntersect(p(0, 0), p(2, 0), p(1, BOUNDARY_TOLERANCE_DEGREES / 2), p(1, 1))).toBe(true);
  });

  it('judges orientation by distance from the line, not by the raw cross product', () => {
    // c is 0.5e-9° off a 100° long line: collinear within the tolerance although the cross product is 5e-8.
    expect(orientation(p(0, 0), p(100, 0), p(50, 0.5e-9))).toBe(0);
    expect(orientation(p(0, 0), p(100, 0), p(50, 1e-6))).toBe(1);
    expect(orientation(p(0, 0), p(100, 0), p(50, -1e-6))).toBe(-1);
  });
});

describe('validateBoundary: accepted shapes and normal form', () => {
  it('accepts a Polygon and returns its Gauss–Krüger planar area', () => {
    const result = validateBoundary(polygon(SQUARE));
    expect(result.area.toString()).toBe('9898.92');
    expect(result.centralMeridian).toBe(120);
    expect(result.vertexCount).toBe(5);
    expect(result.geometry.type).toBe('Polygon');
  });

  it('accepts a Feature wrapping the geometry, and returns the bare geometry', () => {
    const feature = { type: 'Feature', properties: { code: 'SG-01' }, geometry: polygon(SQUARE) };
    const result = validateBoundary(feature);
    expect(result.geometry).toEqual(validateBoundary(polygon(SQUARE)).geometry);
  });

  it('accepts a MultiPolygon whose area is the sum of its polygons', () => {
    const a = rect(118.79, 36.86, 118.791, 36.861);
    const b = rect(118.793, 36.86, 118.794, 36.861);
    const result = validateBoundary(multi([a], [b]));
    expect(result.geometry.type).toBe('MultiPolygon');
    const sum = validateBoundary(polygon(a)).area.add(validateBoundary(polygon(b)).area);
    expect(result.area.subtract(sum).toDecimal().abs().lte('0.01')).toBe(true);
  });

  it('turns outer rings counter-clockwise and holes clockwise (RFC 7946)', () => {
    const shell = rect(118.79, 36.86, 118.792, 36.862, true);
    const hole = rect(118.7905, 36.8605, 118.7915, 36.8615); // counter-clockwise: wrong for a hole
    const result = validateBoundary(polygon(shell, hole));
    if (result.geometry.type !== 'Polygon') throw new Error('expected a Polygon');
    const [outer, inner] = result.geometry.coordinates;
    expect(signedArea(outer)).toBeGreaterThan(0);
    expect(signedArea(inner)).toBeLessThan(0);
    // Same rings, same start, only the direction changed.
    expect(outer[0]).toEqual(shell[0]);
    expect([...outer].reverse()).toEqual(shell);
  });

  it('keeps rings that already follow RFC 7946 as they are', () => {
    const shell = rect(118.79, 36.86, 118.792, 36.862);
    const hole = rect(118.7905, 36.8605, 118.7915, 36.8615, true);
    expect(validateBoundary(polygon(shell, hole)).geometry.coordinates).toEqual([shell, hole]);
  });

  it('subtracts holes from the area', () => {
    const shell = rect(118.79, 36.86, 118.792, 36.862);
    const hole = rect(118.7905, 36.8605, 118.7915, 36.8615);
    const withHole = validateBoundary(polygon(shell, hole)).area;
    const expected = planarArea([[shell]], { centralMeridian: 120 }).subtract(planarArea([[hole]], { centralMeridian: 120 }));
    expect(withHole.subtract(expected).toDecimal().abs().lte('0.01')).toBe(true);
  });

  it('drops altitudes and never changes the input', () => {
    const input = polygon(SQUARE.map(([x, y]): Pos => [x, y]).map((p) => [...p, 12.5] as unknown as Pos).reverse());
    const snapshot = JSON.stringify(input);
    const result = validateBoundary(input);
    expect(JSON.stringify(input)).toBe(snapshot);
    for (const r of result.geometry.coordinates as LonLat[][]) for (const position of r) expect(position).toHaveLength(2);
  });

  it('allows one polygon of a MultiPolygon on an island inside a hole of another', () => {
    const shell = rect(118.79, 36.86, 118.8, 36.87);
    const lake = rect(118.792, 36.862, 118.798, 36.868);
    const island = rect(118.794, 36.864, 118.796, 36.866);
    expect(() => validateBoundary(multi([shell, lake], [island]))).not.toThrow();
  });

  it('accepts a collinear (redundant) vertex along an edge', () => {
    expect(() => validateBoundary(polygon(ring([0, 0], [5, 0], [10, 0], [10, 10], [0, 10])))).not.toThrow();
  });

  it('accepts a boundary with the maximum number of positions', () => {
    const n = MAX_BOUNDARY_VERTICES - 1;
    const open: Pos[] = Array.from({ length: n }, (_, i): Pos => {
      const angle = (2 * Math.PI * i) / n;
      return [118.79 + 0.01 * Math.cos(angle), 36.86 + 0.01 * Math.sin(angle)];
    });
    const result = validateBoundary(polygon([...open, open[0]]));
    expect(result.vertexCount).toBe(MAX_BOUNDARY_VERTICES);
  });
});

describe('validateBoundary: coordinate reference system', () => {
  it('reports EPSG:4326 when nothing is declared (RFC 7946)', () => {
    expect(validateBoundary(polygon(SQUARE)).crs).toBe('EPSG:4326');
  });

  it('takes the CRS the caller declares, CGCS2000 included', () => {
    expect(validateBoundary(polygon(SQUARE), { crs: 'EPSG:4490' }).crs).toBe('EPSG:4490');
  });

  it('reads a legacy GeoJSON crs member naming CGCS2000', () => {
    const input = { ...polygon(SQUARE), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } } };
    expect(validateBoundary(input).crs).toBe('EPSG:4490');
  });

  it('gives the same area in WGS 84 and CGCS2000 (they coincide at parcel precision)', () => {
    expect(validateBoundary(polygon(SQUARE), { crs: 'EPSG:4326' }).area).toEqual(
      validateBoundary(polygon(SQUARE), { crs: 'EPSG:4490' }).area,
    );
  });

  it('refuses projected grid coordinates declared in a crs member', () => {
    const input = { ...polygon(SQUARE), crs: { type: 'name', properties: { name: 'EPSG:4527' } } };
    const error = rejection(input);
    expect(error.code).toBe('BOUNDARY_UNSUPPORTED_CRS');
    expect(error.field).toBe('boundary.crs');
  });

  it('refuses an unknown CRS parameter', () => {
    const error = rejection(polygon(SQUARE), { crs: 'EPSG:3857' as unknown as 'EPSG:4326' });
    expect(error.code).toBe('BOUNDARY_UNSUPPORTED_CRS');
    expect(error.field).toBe('crs');
  });
});

describe('validateBoundary: type and structure', () => {
  it.each([
    ['null', null],
    ['a string', '{"type":"Polygon"}'],
    ['an array', [SQUARE]],
    ['a Point', { type: 'Point', coordinates: [118.79, 36.86] }],
    ['a LineString', { type: 'LineString', coordinates: SQUARE }],
    ['a GeometryCollection', { type: 'GeometryCollection', geometries: [polygon(SQUARE)] }],
    ['a FeatureCollection', { type: 'FeatureCollection', features: [] }],
    ['a Feature without geometry', { type: 'Feature', properties: {}, geometry: null }],
    ['a Feature of a Point', { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } }],
    ['coordinates that are not an array', { type: 'Polygon', coordinates: 'x' }],
    ['a ring that is not an array', { type: 'Polygon', coordinates: [5] }],
    ['a MultiPolygon polygon that is not an array', { type: 'MultiPolygon', coordinates: [5] }],
  ])('rejects %s with BOUNDARY_INVALID_TYPE', (_label, input) => {
    expect(rejection(input).code).toBe('BOUNDARY_INVALID_TYPE');
  });

  it('names the member at fault, through a Feature', () => {
    const error = rejection({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [5] } });
    expect(error.field).toBe('boundary.geometry.coordinates[0]');
  });

  it('uses the field name the caller gives', () => {
    expect(rejection({ type: 'Point' }, { field: 'parcel.boundary' }).field).toBe('parcel.boundary.type');
  });

  it('rejects a Polygon with no rings and a MultiPolygon with no polygons as BOUNDARY_EMPTY', () => {
    expect(rejection(polygon()).code).toBe('BOUNDARY_EMPTY');
    expect(rejection(multi()).code).toBe('BOUNDARY_EMPTY');
    expect(rejection(multi([])).field).toBe('boundary.coordinates[0]');
  });
});

describe('validateBoundary: coordinates', () => {
  const withPosition = (position: unknown) => {
    const coordinates: unknown[] = [...SQUARE];
    coordinates[3] = position;
    return { type: 'Polygon', coordinates: [coordinates] };
  };

  it.each([
    ['a string number', ['118.79', 36.86]],
    ['NaN', [Number.NaN, 36.86]],
    ['Infinity', [118.79, Number.POSITIVE_INFINITY]],
    ['null', [118.79, null]],
    ['a single number', [118.79]],
    ['four numbers', [118.79, 36.86, 1, 2]],
    ['an object', { lon: 118.79, lat: 36.86 }],
    ['a non-numeric altitude', [118.79, 36.86, 'high']],
  ])('rejects a position holding %s, naming it', (_label, position) => {
    const error = rejection(withPosition(position));
    expect(error.code).toBe('BOUNDARY_INVALID_COORDINATE');
    expect(error.field).toBe('boundary.coordinates[0][3]');
  });

  it('rejects a longitude outside -180..180', () => {
    const error = rejection(withPosition([190, 36.86]));
    expect(error.code).toBe('BOUNDARY_INVALID_COORDINATE');
    expect(error.message).toContain('longitude 190');
  });

  it('rejects a latitude outside -90..90 and suggests swapped axes', () => {
    const error = rejection(withPosition([36.86, 118.79]));
    expect(error.code).toBe('BOUNDARY_INVALID_COORDINATE');
    expect(error.message).toContain('swapped');
  });

  it('names the position inside a MultiPolygon by polygon, ring and index', () => {
    const bad: Pos[] = [...SQUARE];
    bad[2] = [118.791, -91];
    const error = rejection(multi([rect(118.795, 36.86, 118.796, 36.861)], [bad]));
    expect(error.field).toBe('boundary.coordinates[1][0][2]');
  });

  it('rejects a position outside the configured bounding box for China', () => {
    const paris = rect(2.35, 48.85, 2.351, 48.851);
    expect(() => validateBoundary(polygon(paris))).not.toThrow();
    const error = rejection(polygon(paris), { boundingBox: CHINA_BOUNDING_BOX });
    expect(error.code).toBe('BOUNDARY_INVALID_COORDINATE');
    expect(error.field).toBe('boundary.coordinates[0][0]');
    expect(error.details).toMatchObject({ reason: 'outside_bounding_box' });
    expect(() => validateBoundary(polygon(SQUARE), { boundingBox: CHINA_BOUNDING_BOX })).not.toThrow();
  });
});

describe('validateBoundary: rings', () => {
  it('rejects a ring of fewer than 4 positions', () => {
    const error = rejection(polygon([SQUARE[0], SQUARE[1], SQUARE[0]]));
    expect(error.code).toBe('BOUNDARY_TOO_FEW_POINTS');
    expect(error.field).toBe('boundary.coordinates[0]');
  });

  it('rejects a ring whose last position does not repeat the first exactly', () => {
    const open = SQUARE.slice(0, 4);
    expect(rejection(polygon(open)).code).toBe('BOUNDARY_RING_NOT_CLOSED');
    const almost: Pos[] = [...open, [SQUARE[0][0] + 1e-12, SQUARE[0][1]]];
    expect(rejection(polygon(almost)).code).toBe('BOUNDARY_RING_NOT_CLOSED');
  });

  it('rejects a position repeated consecutively, naming the repeat', () => {
    const repeated = [SQUARE[0], SQUARE[1], SQUARE[1], SQUARE[2], SQUARE[3], SQUARE[0]];
    const error = rejection(polygon(repeated));
    expect(error.code).toBe('BOUNDARY_REPEATED_POINT');
    expect(error.field).toBe('boundary.coordinates[0][2]');
  });

  it('treats positions closer than the tolerance as repeated', () => {
    const nearly: Pos = [SQUARE[1][0], SQUARE[1][1] + BOUNDARY_TOLERANCE_DEGREES / 10];
    expect(rejection(polygon([SQUARE[0], SQUARE[1], nearly, SQUARE[2], SQUARE[3], SQUARE[0]])).code).toBe(
      'BOUNDARY_REPEATED_POINT',
    );
  });

  it('rejects a ring with no area (all positions on one line)', () => {
    const error = rejection(polygon(ring([0, 0], [5, 5], [10, 10])));
    expect(error.code).toBe('BOUNDARY_ZERO_AREA');
  });

  it('rejects a boundary too small to measure (0.00 ㎡)', () => {
    const tiny = rect(118.79, 36.86, 118.79 + 5e-7, 36.86 + 5e-7); // about 5 cm × 5 cm
    expect(rejection(polygon(tiny)).code).toBe('BOUNDARY_ZERO_AREA');
  });
});

describe('validateBoundary: self-intersections', () => {
  it('rejects a bow-tie, naming the crossing segments', () => {
    const error = rejection(polygon(ring([0, 0], [10, 10], [10, 0], [0, 10])));
    expect(error.code).toBe('BOUNDARY_SELF_INTERSECTION');
    expect(error.field).toBe('boundary.coordinates[0]');
    expect(error.details).toEqual({ ring: 0, segments: [0, 2] });
  });

  it('rejects a ring that passes twice through the same vertex (figure eight)', () => {
    const error = rejection(polygon(ring([0, 0], [5, 5], [10, 0], [10, 10], [5, 5], [0, 10])));
    expect(error.code).toBe('BOUNDARY_SELF_INTERSECTION');
  });

  it('rejects a vertex that touches a non-adjacent edge', () => {
    // Position 3 lies on segment 0.
    const error = rejection(polygon(ring([0, 0], [10, 0], [10, 10], [5, 0], [0, 10])));
    expect(error.code).toBe('BOUNDARY_SELF_INTERSECTION');
    expect(error.details).toMatchObject({ segments: [0, 2] });
  });

  it('rejects a spike that doubles back along the previous edge', () => {
    const error = rejection(polygon(ring([0, 0], [10, 0], [10, 10], [10, 5], [0, 10])));
    expect(error.code).toBe('BOUNDARY_SELF_INTERSECTION');
    expect(error.details).toMatchObject({ segments: [1, 2] });
  });

  it('rejects a spike where the ring closes', () => {
    // The closing edge (0,10)→(0,-5) and the first edge (0,-5)→(0,0) run along each other.
    const error = rejection(polygon(ring([0, -5], [0, 0], [10, 0], [10, 10], [0, 10])));
    expect(error.code).toBe('BOUNDARY_SELF_INTERSECTION');
    expect(error.details).toEqual({ ring: 0, segments: [0, 4] });
  });

  it('rejects collinear overlapping edges that are not neighbours', () => {
    const error = rejection(polygon(ring([0, 0], [10, 0], [10, 2], [4, 2], [4, 0], [2, 0], [2, 4], [0, 4])));
    expect(error.code).toBe('BOUNDARY_SELF_INTERSECTION');
  });

  it('reports the first crossing in input order when there are several', () => {
    // Zig-zag crossing itself three times; the earliest pair of segments is named.
    const error = rejection(polygon(ring([0, 0], [10, 10], [10, 0], [0, 10], [0, 5], [20, 5], [20, 12], [0, 12])));
    expect(error.details).toMatchObject({ segments: [0, 2] });
  });

  it('detects every random bow-tie', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 130, noNaN: true }),
        fc.double({ min: 20, max: 45, noNaN: true }),
        fc.double({ min: 0.0001, max: 0.05, noNaN: true }),
        fc.tuple(...[0, 1, 2, 3].map(() => fc.double({ min: 0.1, max: 0.9, noNaN: true }))),
        (lon, lat, radius, jitter) => {
          // Four corners of a convex quadrilateral, one in each quadrant of a circle, counter-clockwise.
          const corners = jitter.map((t, q): Pos => {
            const angle = (Math.PI / 2) * (q + t);
            return [lon + radius * Math.cos(angle), lat + radius * Math.sin(angle)];
          });
          const [a, b, c, d] = corners;
          // Swapping two corners makes segments 1 (b→d) and 3 (c→a) the crossing diagonals.
          const error = rejection(polygon([a, b, d, c, a]));
          expect(error.code).toBe('BOUNDARY_SELF_INTERSECTION');
          expect(error.details).toEqual({ ring: 0, segments: [1, 3] });
          expect(() => validateBoundary(polygon([a, b, c, d, a]))).not.toThrow();
        },
      ),
    );
  });

  it('accepts every random star-shaped ring and its reversal with the same area', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.0002, max: 0.003, noNaN: true }), { minLength: 3, maxLength: 40 }),
        (radii) => {
          const open = radii.map((r, i): Pos => {
            const angle = (2 * Math.PI * i) / radii.length;
            return [118.79 + r * Math.cos(angle), 36.86 + r * Math.sin(angle)];
          });
          const closed = [...open, open[0]];
          const forward = validateBoundary(polygon(closed));
          const backward = validateBoundary(polygon([...closed].reverse()));
          expect(forward.area).toEqual(backward.area);
          expect(signedArea(forward.geometry.coordinates[0] as LonLat[])).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('validateBoundary: rings of a polygon', () => {
  const shell = rect(118.79, 36.86, 118.8, 36.87);

  it('rejects a hole that crosses the outer ring', () => {
    const error = rejection(polygon(shell, rect(118.795, 36.865, 118.805, 36.868)));
    expect(error.code).toBe('BOUNDARY_SELF_INTERSECTION');
    expect(error.field).toBe('boundary.coordinates[1]');
    expect(error.details).toMatchObject({ rings: [0, 1] });
  });

  it('rejects a hole that touches the outer ring at one point', () => {
    const hole: Pos[] = [
      [118.79, 36.865],
      [118.795, 36.864],
      [118.795, 36.866],
      [118.79, 36.865],
    ];
    expect(rejection(polygon(shell, hole)).code).toBe('BOUNDARY_SELF_INTERSECTION');
  });

  it('rejects two holes that cross each other', () => {
    const error = rejection(polygon(shell, rect(118.791, 36.861, 118.795, 36.865), rect(118.794, 36.864, 118.798, 36.868)));
    expect(error.code).toBe('BOUNDARY_SELF_INTERSECTION');
    expect(error.details).toMatchObject({ rings: [1, 2] });
  });

  it('rejects a hole outside its outer ring', () => {
    const error = rejection(polygon(shell, rect(118.81, 36.86, 118.82, 36.87)));
    expect(error.code).toBe('BOUNDARY_HOLE_OUTSIDE');
    expect(error.field).toBe('boundary.coordinates[1]');
  });

  it('rejects a hole inside another hole', () => {
    const error = rejection(polygon(shell, rect(118.791, 36.861, 118.799, 36.869), rect(118.793, 36.863, 118.795, 36.865)));
    expect(error.code).toBe('BOUNDARY_HOLE_OUTSIDE');
    expect(error.field).toBe('boundary.coordinates[2]');
    expect(error.details).toMatchObject({ insideHole: 1 });
  });
});

describe('validateBoundary: polygons of a MultiPolygon', () => {
  const a = rect(118.79, 36.86, 118.8, 36.87);

  it('rejects polygons whose edges cross', () => {
    const error = rejection(multi([a], [rect(118.795, 36.865, 118.805, 36.875)]));
    expect(error.code).toBe('BOUNDARY_PARTS_OVERLAP');
    expect(error.field).toBe('boundary.coordinates[1]');
    expect(error.details).toMatchObject({ polygons: [0, 1] });
  });

  it('rejects a polygon lying wholly inside another', () => {
    const error = rejection(multi([a], [rect(118.792, 36.862, 118.794, 36.864)]));
    expect(error.code).toBe('BOUNDARY_PARTS_OVERLAP');
    expect(error.field).toBe('boundary.coordinates[1]');
  });

  it('rejects a polygon wholly containing another listed after it', () => {
    expect(rejection(multi([rect(118.792, 36.862, 118.794, 36.864)], [a])).code).toBe('BOUNDARY_PARTS_OVERLAP');
  });

  it('rejects polygons that share an edge (they should be one polygon)', () => {
    expect(rejection(multi([a], [rect(118.8, 36.86, 118.81, 36.87)])).code).toBe('BOUNDARY_PARTS_OVERLAP');
  });

  it('rejects identical polygons', () => {
    expect(rejection(multi([a], [a])).code).toBe('BOUNDARY_PARTS_OVERLAP');
  });
});

describe('validateBoundary: size cap', () => {
  it('refuses more than 10,000 positions before looking at them', () => {
    const garbage = Array.from({ length: MAX_BOUNDARY_VERTICES + 1 }, () => 'x');
    const error = rejection({ type: 'Polygon', coordinates: [garbage] });
    expect(error.code).toBe('BOUNDARY_TOO_COMPLEX');
    expect(error.details).toEqual({ vertices: MAX_BOUNDARY_VERTICES + 1, maximum: MAX_BOUNDARY_VERTICES });
  });

  it('counts the positions of every ring and polygon against the cap, which is a setting', () => {
    const b = rect(118.793, 36.86, 118.794, 36.861);
    expect(rejection(multi([SQUARE], [b]), { maxVertices: 9 }).code).toBe('BOUNDARY_TOO_COMPLEX');
    expect(() => validateBoundary(multi([SQUARE], [b]), { maxVertices: 10 })).not.toThrow();
  });
});
