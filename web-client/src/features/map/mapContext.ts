import { createContext, useContext } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The map, for the sources drawn on it (their components sit inside CampaignMap). Kept apart from CampaignMap so
 * that MapLibre itself loads only with the map page's lazy chunk. */
export const MapContext = createContext<MapLibreMap | null>(null);

export function useMapInstance(): MapLibreMap | null {
  return useContext(MapContext);
}
