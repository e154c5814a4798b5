import { useEffect } from 'react';
import type { MapMouseEvent } from 'maplibre-gl';
import { PICKED_SOURCE, pickedLayer, pointFeatures, TURF_SOURCE, turfFillLayer, turfLineLayer, turfVertexLayer, type LatLon } from './layers';
import { turfBounds, turfFeatures } from './turfArea';
import { setGeoJson, useActionsMap } from './useActionsMap';

interface Props {
  /** The vertices drawn so far, in order. */
  points: readonly LatLon[];
  /** Where to look when nothing is drawn yet: the meeting point, else the section's seat. */
  meetingPoint: LatLon | null;
  seat: LatLon | null;
  /** A tap (or a click) on the map: one more vertex. */
  onAdd: (point: LatLon) => void;
  label: string;
}

/** A small map where each tap adds a corner of the turf; it is drawn as a line, then as a filled polygon. */
export default function TurfAreaPicker({ points, meetingPoint, seat, onAdd, label }: Props) {
  const { containerRef, map } = useActionsMap();

  // Framed once, on the turf already drawn, else the meeting point or the seat; later taps must not move the map.
  useEffect(() => {
    if (!map) return;
    const bounds = turfBounds(points);
    const centre = meetingPoint ?? seat;
    if (bounds) map.fitBounds(bounds, { padding: 40, maxZoom: 16, duration: 0 });
    else if (centre) map.jumpTo({ center: [centre.longitude, centre.latitude], zoom: meetingPoint ? 15 : 13 });
    // read once, when the map is ready.
  }, [map]);

  useEffect(() => {
    if (!map) return;
    setGeoJson(map, PICKED_SOURCE, pointFeatures(meetingPoint ? [meetingPoint] : []), [pickedLayer]);
  }, [map, meetingPoint]);

  useEffect(() => {
    if (!map) return;
    setGeoJson(map, TURF_SOURCE, turfFeatures(points), [turfFillLayer, turfLineLayer, turfVertexLayer]);
  }, [map, points]);

  useEffect(() => {
    if (!map) return;
    const add = (e: MapMouseEvent) => onAdd({ latitude: e.lngLat.lat, longitude: e.lngLat.lng });
    map.on('click', add);
    return () => {
      map.off('click', add);
    };
  }, [map, onAdd]);

  return <div className="point-picker turf-picker" ref={containerRef} role="region" aria-label={label} data-testid="turf-picker" data-idle="false" />;
}
