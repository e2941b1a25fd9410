import 'ol/ol.css';
import Map from 'ol/Map';
import View from 'ol/View';
import GeoJSON from 'ol/format/GeoJSON';
import { ScaleLine, defaults as defaultControls } from 'ol/control';
import { defaults as defaultInteractions } from 'ol/interaction';
import TileLayer from 'ol/layer/Tile';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import XYZ from 'ol/source/XYZ';
import { Fill, Stroke, Style } from 'ol/style';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParcelMapProps } from './parcel-map';

const outline = new Style({
  stroke: new Stroke({ color: '#b71c1c', width: 2 }),
  fill: new Fill({ color: 'rgba(183, 28, 28, 0.12)' }),
});

export default function ParcelMapView({ boundaries, tileUrl, height = 280 }: ParcelMapProps) {
  const { t } = useTranslation();
  const target = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!target.current) return;
    const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
    const source = new VectorSource({ features: boundaries.map((b) => format.readFeature({ type: 'Feature', geometry: b, properties: {} })).flat() });
    const layers = [
      ...(tileUrl ? [new TileLayer({ source: new XYZ({ url: tileUrl, crossOrigin: 'anonymous' }) })] : []),
      new VectorLayer({ source, style: outline }),
    ];
    const map = new Map({
      target: target.current,
      layers,
      controls: defaultControls({ attribution: Boolean(tileUrl), rotate: false }).extend([new ScaleLine({ units: 'metric', bar: true, steps: 2, text: false, minWidth: 80 })]),
      interactions: defaultInteractions({ mouseWheelZoom: false }),
      view: new View({ projection: 'EPSG:3857' }),
    });
    const extent = source.getExtent();
    if (extent && source.getFeatures().length > 0) map.getView().fit(extent, { padding: [32, 32, 32, 32], maxZoom: 18 });
    return () => map.setTarget(undefined);
  }, [boundaries, tileUrl]);

  return (
    <div className="parcel-map-view" style={{ height }}>
      <div ref={target} className="parcel-map-canvas" style={{ height }} />
      <div className="parcel-map-north" aria-hidden="true" title={t('map.north')}>
        <svg viewBox="0 0 24 32" width="22" height="30">
          <path d="M12 2 L20 26 L12 20 L4 26 Z" fill="#333" />
          <path d="M12 2 L12 20 L4 26 Z" fill="#888" />
        </svg>
        <span>{t('map.north')}</span>
      </div>
      {boundaries.length === 0 ? <div className="parcel-map-empty">{t('map.noBoundary')}</div> : null}
    </div>
  );
}
