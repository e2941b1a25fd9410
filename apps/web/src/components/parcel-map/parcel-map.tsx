import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

export interface ParcelMapProps {
  /** GeoJSON geometries (WGS 84 degrees), one per parcel. */
  boundaries: ReadonlyArray<{ type: string; coordinates: unknown }>;
  /** An XYZ tile URL template ({z}/{x}/{y}) for a base layer; none: outlines only. */
  tileUrl?: string | null;
  height?: number;
  /** Accessible description of what the map shows, e.g. the parcel codes. */
  caption: string;
}

// OpenLayers is loaded only when a page shows a map (it stays out of the portal's first load).
const ParcelMapView = lazy(() => import('./parcel-map-view'));

/** A parcel's outline with a scale bar and a north arrow; a base map only when one is configured. */
export function ParcelMap(props: ParcelMapProps) {
  const { t } = useTranslation();
  return (
    <figure className="parcel-map" style={{ height: props.height ?? 280 }} aria-label={t('map.label')}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 280 }} />}>
        <ParcelMapView {...props} />
      </Suspense>
      <figcaption className="visually-hidden">{props.caption}</figcaption>
    </figure>
  );
}
