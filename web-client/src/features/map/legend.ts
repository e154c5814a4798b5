import type { ExpressionSpecification } from 'maplibre-gl';
import { formatNumber, formatPercent, formatSigned } from '../../i18n/format';
import { DIVERGING_PALETTE, NO_DATA_COLOR, SEQUENTIAL_PALETTE } from './layers';

/** What the legend needs of a layer (MapLayerInfo). */
export interface LayerScale {
  breaks: readonly number[];
  min?: number | null;
  max?: number | null;
}

/** One class of the choropleth: values from `from` (included) to `to`. */
export interface LegendClass {
  from: number;
  to: number;
  color: string;
}

/**
 * The classes the breaks make between min and max: up to 4 quintile breaks give up to 5 classes. Breaks on or
 * beyond the extent would make empty classes and are dropped (many zones sharing one value give fewer classes).
 */
export function legendClasses(scale: LayerScale, diverging: boolean): LegendClass[] {
  const { min, max } = scale;
  if (min == null || max == null) return [];
  const breaks = [...new Set(scale.breaks)].filter((b) => b > min && b < max).sort((a, b) => a - b);
  const bounds = [min, ...breaks, max];
  const ranges = bounds.slice(0, -1).map((from, i) => ({ from, to: bounds[i + 1]! }));
  const colors = diverging ? divergingColors(ranges) : sequentialColors(ranges.length);
  return ranges.map((r, i) => ({ ...r, color: colors[i]! }));
}

/** Spread over the palette: 5 classes take every colour, fewer skip some, one takes the middle. */
function sequentialColors(count: number): string[] {
  const last = SEQUENTIAL_PALETTE.length - 1;
  if (count === 1) return [SEQUENTIAL_PALETTE[2]];
  return Array.from({ length: count }, (_, i) => SEQUENTIAL_PALETTE[Math.round((i * last) / (count - 1))]!);
}

/** Falls in one hue, rises in the other, the class holding zero neutral; the furthest from zero the darkest. */
function divergingColors(ranges: { from: number; to: number }[]): string[] {
  const below = ranges.filter((r) => r.to <= 0).length;
  const above = ranges.filter((r) => r.from >= 0 && r.to > 0).length;
  const belowColors = DIVERGING_PALETTE.below.slice(DIVERGING_PALETTE.below.length - below);
  const aboveColors = DIVERGING_PALETTE.above.slice(0, above);
  return ranges.map((r, i) => {
    if (r.to <= 0) return belowColors[i]!;
    if (r.from >= 0) return aboveColors[i - (ranges.length - above)]!;
    return DIVERGING_PALETTE.zero;
  });
}

/** MapLibre's fill colour: a step on `value` at the classes' lower bounds, the no-data colour where it is absent. */
export function fillColor(classes: readonly LegendClass[]): ExpressionSpecification | string {
  if (classes.length === 0) return NO_DATA_COLOR;
  const [first, ...rest] = classes;
  const colour: ExpressionSpecification | string =
    rest.length === 0 ? first!.color : ['step', ['get', 'value'], first!.color, ...rest.flatMap((c) => [c.from, c.color])];
  return ['case', ['==', ['typeof', ['get', 'value']], 'number'], colour, NO_DATA_COLOR];
}

function bound(value: number, unit: string): string {
  if (unit === 'pts') return formatSigned(value);
  return formatNumber(value, Math.abs(value) >= 100 && unit !== '%' ? 0 : 1, true);
}

/** A zone's value in its unit: "48,3 %", "+2,1 pts", "21 350 €". */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value == null) return '';
  if (unit === '%') return formatPercent(value);
  return unit ? `${bound(value, unit)} ${unit}` : bound(value, unit);
}

/** A class's label, its unit given once in the legend's title: "40,5 – 52,1". */
export function classLabel(c: Pick<LegendClass, 'from' | 'to'>, unit: string): string {
  return `${bound(c.from, unit)} – ${bound(c.to, unit)}`;
}
