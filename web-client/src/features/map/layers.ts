import type {
  BackgroundLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';

// The map's style, as typed constants: one vector source (`zones`, served by the API as /tiles/{layer}/{z}/{x}/{y}.mvt)
// drawn as a choropleth of each zone's `value`, its outlines, and the selected zone's outline.

/** Id of the vector source, and the layer name inside the tiles (ST_AsMVT(..., 'zones')). */
export const ZONES_SOURCE = 'zones';
export const ZONES_SOURCE_LAYER = 'zones';
/** The API serves zoom 0 to 16; beyond, MapLibre overzooms the last tiles. */
export const TILES_MAX_ZOOM = 16;

export const ZONES_FILL = 'zones-fill';
export const ZONES_LINE = 'zones-line';
export const ZONES_SELECTED = 'zones-selected';

/** Light, so that the zones are the map when no base map is configured. */
export const BACKGROUND_COLOR = '#eef1f5';
export const NO_DATA_COLOR = '#c3c8d1';

/** ColorBrewer Reds, light to dark: shares and counts. */
export const SEQUENTIAL_PALETTE = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'] as const;
/** ColorBrewer PuOr around zero: falls in orange (darkest the furthest), rises in purple. */
export const DIVERGING_PALETTE = {
  below: ['#7f3b08', '#b35806', '#e08214', '#fdb863', '#fee0b6'],
  zero: '#f7f7f7',
  above: ['#d8daeb', '#b2abd2', '#8073ac', '#542788', '#2d004b'],
} as const;

export const backgroundLayer: BackgroundLayerSpecification = {
  id: 'background',
  type: 'background',
  paint: { 'background-color': BACKGROUND_COLOR },
};

/** The choropleth; its fill colour is set from the layer's breaks (see fillColor in legend.ts). */
export const zonesFillLayer: FillLayerSpecification = {
  id: ZONES_FILL,
  type: 'fill',
  source: ZONES_SOURCE,
  'source-layer': ZONES_SOURCE_LAYER,
  paint: { 'fill-color': NO_DATA_COLOR, 'fill-opacity': 0.88 },
};

/** Station outlines in white, commune outlines (where no station contour is known) a little darker. */
export const zonesLineLayer: LineLayerSpecification = {
  id: ZONES_LINE,
  type: 'line',
  source: ZONES_SOURCE,
  'source-layer': ZONES_SOURCE_LAYER,
  paint: {
    'line-color': ['match', ['get', 'level'], 'station', '#ffffff', '#8a909c'],
    'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.3, 12, 0.8, 15, 1.5],
  },
};

/** The selected zone's outline; its filter names the zone (selectedFilter). */
export const zonesSelectedLayer: LineLayerSpecification = {
  id: ZONES_SELECTED,
  type: 'line',
  source: ZONES_SOURCE,
  'source-layer': ZONES_SOURCE_LAYER,
  filter: selectedFilter(null),
  paint: { 'line-color': '#1d2330', 'line-width': 3 },
};

export function selectedFilter(zoneId: string | null): ExpressionSpecification {
  return ['==', ['get', 'id'], zoneId ?? ''];
}

/** The zones' layers, bottom to top. */
export const zonesLayers = [zonesFillLayer, zonesLineLayer, zonesSelectedLayer] as const;

/** What the map starts from without a base map: a light background, France in view. */
export const emptyStyle: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [backgroundLayer],
};

export const FRANCE_BOUNDS: [number, number, number, number] = [-5.2, 41.3, 9.6, 51.1];

/** An optional base map (a MapLibre style URL) under the zones, e.g. a self-hosted OpenMapTiles style. */
export const BASEMAP_STYLE_URL: string | undefined = import.meta.env.VITE_BASEMAP_STYLE_URL || undefined;

/** Layers whose value compares two elections (percentage points). */
export function isChangeLayer(layer: string): boolean {
  return layer.startsWith('change.');
}

/** Indicators are not tied to an election. */
export function isIndicatorLayer(layer: string): boolean {
  return layer.startsWith('indicator.');
}

/** The layer a change layer compares (change.bloc.gauche → bloc.gauche). */
export function baseLayer(layer: string): string {
  return isChangeLayer(layer) ? layer.slice('change.'.length) : layer;
}

/** Layers that have a change layer: participation, blocs and nuances (a candidate stands in one election). */
export function canCompare(layer: string): boolean {
  return /^(turnout|abstention|bloc\.[^.]+|nuance\.[^.]+)$/.test(baseLayer(layer));
}

export function changeLayer(layer: string): string {
  return `change.${baseLayer(layer)}`;
}

/** The vector tiles of a layer; {z}/{x}/{y} are left for MapLibre to fill. */
export function tilesUrl(origin: string, layer: string, electionId: string | null, compareTo: string | null): string {
  const query = new URLSearchParams();
  if (electionId && !isIndicatorLayer(layer)) query.set('election', electionId);
  if (compareTo && isChangeLayer(layer)) query.set('compare', compareTo);
  const search = query.toString();
  return `${origin}/tiles/${encodeURIComponent(layer)}/{z}/{x}/{y}.mvt${search ? `?${search}` : ''}`;
}

export function zonesSource(tiles: string): VectorSourceSpecification {
  return { type: 'vector', tiles: [tiles], minzoom: 0, maxzoom: TILES_MAX_ZOOM, promoteId: 'id' };
}

/** The GeoJSON of a layer's zones (download). */
export function geoJsonUrl(layer: string, electionId: string | null, compareTo: string | null): string {
  const query = new URLSearchParams();
  if (electionId && !isIndicatorLayer(layer)) query.set('election', electionId);
  if (compareTo && isChangeLayer(layer)) query.set('compare', compareTo);
  const search = query.toString();
  return `/geojson/${encodeURIComponent(layer)}${search ? `?${search}` : ''}`;
}
