/** Plausible demo-like data near Shouguang (寿光市), Shandong. Areas match the boundaries within 0.5%. */
export function square(lon: number, lat: number, dx: number, dy: number) {
  return { type: 'Polygon', coordinates: [[[lon, lat], [lon + dx, lat], [lon + dx, lat + dy], [lon, lat + dy], [lon, lat]]] };
}

export const PARCEL_A = {
  code: 'SG2026-001',
  name: '市林业局办公院',
  district: '圣城街道',
  location: '寿光市圣城街以北、商务街以西',
  boundary: square(118.78, 36.86, 0.0015, 0.0012),
  declaredArea: '17800.00',
  plannedUse: 'residential',
  plotRatioMin: '1.0000',
  plotRatioMax: '2.5000',
  buildingDensity: '0.3000',
  greenRatio: '0.3500',
  heightLimitMetres: '60.00',
  acquisitionMethod: 'recovery',
  acquiredOn: '2026-03-01',
  plannedSupplyQuarter: '2027-Q1',
};

export const PARCEL_B = {
  ...PARCEL_A,
  code: 'SG2026-002',
  name: '华源凯马事业部北院',
  district: '文家街道',
  location: '寿光市农圣街以南',
  boundary: square(118.79, 36.865, 0.002, 0.001),
  declaredArea: '19800.00',
  plannedUse: 'commercial',
  acquisitionMethod: 'purchase',
  plannedSupplyQuarter: '2027-Q2',
};

/** Self-intersecting: a bow-tie. */
export const BOW_TIE = { type: 'Polygon', coordinates: [[[118.78, 36.86], [118.7815, 36.8612], [118.7815, 36.86], [118.78, 36.8612], [118.78, 36.86]]] };
