import { useEffect } from 'react';
import type { MapMouseEvent } from 'maplibre-gl';
import { PICKED_SOURCE, pickedLayer, pointFeatures, SEAT_SOURCE, seatLayer, type LatLon } from './layers';
import { setGeoJson, useActionsMap } from './useActionsMap';

interface Props {
  value: LatLon | null;
  /** Where to look first when nothing is picked yet: the section's seat. */
  seat: LatLon | null;
  onChange: (point: LatLon) => void;
  label: string;
}

/** A small map where a tap (or a click) places the meeting point. */
export default function PointPicker({ value, seat, onChange, label }: Props) {
  const { containerRef, map } = useActionsMap();

  // Centre once, on the point already chosen or the seat; later taps must not move the map under the finger.
  useEffect(() => {
    if (!map) return;
    const centre = value ?? seat;
    if (centre) map.jumpTo({ center: [centre.longitude, centre.latitude], zoom: value ? 15 : 13 });
    // value and seat are read once, when the map is ready.
  }, [map]);

  useEffect(() => {
    if (!map) return;
    setGeoJson(map, SEAT_SOURCE, pointFeatures(seat ? [seat] : []), [seatLayer]);
    setGeoJson(map, PICKED_SOURCE, pointFeatures(value ? [value] : []), [pickedLayer]);
  }, [map, seat, value]);

  useEffect(() => {
    if (!map) return;
    const pick = (e: MapMouseEvent) => onChange({ latitude: round(e.lngLat.lat), longitude: round(e.lngLat.lng) });
    map.on('click', pick);
    return () => {
      map.off('click', pick);
    };
  }, [map, onChange]);

  return <div className="point-picker" ref={containerRef} role="region" aria-label={label} data-testid="point-picker" data-idle="false" />;
}

/** Six decimals: about 10 cm, more than a meeting point needs. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
