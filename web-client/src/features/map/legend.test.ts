import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { baseLayer, canCompare, changeLayer, DIVERGING_PALETTE, geoJsonUrl, NO_DATA_COLOR, SEQUENTIAL_PALETTE, tilesUrl } from './layers';
import { classLabel, fillColor, formatValue, legendClasses } from './legend';
import { effectiveLayer } from './MapPage';

describe('legend classes', () => {
  it('makes five classes of four quintile breaks, from min to max, light to dark', () => {
    const classes = legendClasses({ breaks: [64.03, 69.88, 73.42, 76], min: 49.05, max: 82.08 }, false);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [49.05, 64.03],
      [64.03, 69.88],
      [69.88, 73.42],
      [73.42, 76],
      [76, 82.08],
    ]);
    expect(classes.map((c) => c.color)).toEqual([...SEQUENTIAL_PALETTE]);
  });

  it('drops repeated breaks and breaks on the extent, which would make empty classes', () => {
    const classes = legendClasses({ breaks: [0, 0, 12.5, 40], min: 0, max: 40 }, false);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [0, 12.5],
      [12.5, 40],
    ]);
    // two classes take the ends of the palette
    expect(classes.map((c) => c.color)).toEqual([SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[4]]);
    expect(legendClasses({ breaks: [], min: 50, max: 50 }, false)).toEqual([{ from: 50, to: 50, color: SEQUENTIAL_PALETTE[2] }]);
    expect(legendClasses({ breaks: [], min: null, max: null }, false)).toEqual([]);
  });

  it('colours changes apart around zero: falls in one hue, rises in the other, the class across zero neutral', () => {
    const classes = legendClasses({ breaks: [-26.9, -2.7, 3.1, 4.5], min: -55.4, max: 8.3 }, true);
    expect(classes.map((c) => c.color)).toEqual([
      DIVERGING_PALETTE.below[3],
      DIVERGING_PALETTE.below[4],
      DIVERGING_PALETTE.zero,
      DIVERGING_PALETTE.above[0],
      DIVERGING_PALETTE.above[1],
    ]);
    const allUp = legendClasses({ breaks: [1, 2, 3, 4], min: 0.5, max: 9 }, true);
    expect(allUp.map((c) => c.color)).toEqual([...DIVERGING_PALETTE.above]);
  });

  it('is a step on the value at the classes’ lower bounds, grey where a zone has no value', () => {
    const classes = legendClasses({ breaks: [60, 70], min: 50, max: 80 }, false);
    expect(fillColor(classes)).toEqual([
      'case',
      ['==', ['typeof', ['get', 'value']], 'number'],
      ['step', ['get', 'value'], SEQUENTIAL_PALETTE[0], 60, SEQUENTIAL_PALETTE[2], 70, SEQUENTIAL_PALETTE[4]],
      NO_DATA_COLOR,
    ]);
    expect(fillColor([])).toBe(NO_DATA_COLOR);
  });

  it('writes values in the reader’s language and unit', async () => {
    await i18n.changeLanguage('fr');
    expect(formatValue(48.26, '%')).toBe('48,3\u00a0%');
    expect(formatValue(2.14, 'pts')).toBe('+2,1 pts');
    expect(formatValue(21350.4, '€')).toBe('21\u202f350 €');
    expect(classLabel({ from: 49.046, to: 64.03 }, '%')).toBe('49,0 – 64,0');
    await i18n.changeLanguage('en');
    expect(formatValue(48.26, '%')).toBe('48.3%');
    expect(classLabel({ from: -3, to: 1.25 }, 'pts')).toBe('-3.0 – +1.3');
  });
});

describe('layers', () => {
  it('asks the tiles of a layer with its election, and the other round for a change', () => {
    expect(tilesUrl('https://c.example', 'bloc.gauche', 'E2', 'E1')).toBe('https://c.example/tiles/bloc.gauche/{z}/{x}/{y}.mvt?election=E2');
    expect(tilesUrl('https://c.example', 'change.turnout', 'E2', 'E1')).toBe(
      'https://c.example/tiles/change.turnout/{z}/{x}/{y}.mvt?election=E2&compare=E1',
    );
    expect(tilesUrl('https://c.example', 'indicator.DISP_MED15', 'E2', null)).toBe('https://c.example/tiles/indicator.DISP_MED15/{z}/{x}/{y}.mvt');
    expect(geoJsonUrl('change.bloc.gauche', 'E2', 'E1')).toBe('/geojson/change.bloc.gauche?election=E2&compare=E1');
  });

  it('knows which layers have a change since the other round', () => {
    expect(canCompare('turnout')).toBe(true);
    expect(canCompare('change.bloc.extreme-droite')).toBe(true);
    expect(canCompare('candidate.fdcf4e26ed294b8ea529353b9db94d5e')).toBe(false);
    expect(canCompare('indicator.DISP_MED15')).toBe(false);
    expect(changeLayer('nuance.UG')).toBe('change.nuance.UG');
    expect(baseLayer('change.nuance.UG')).toBe('nuance.UG');
  });

  it('falls back to participation for a layer the election does not offer', () => {
    const choices = [
      { layer: 'turnout', label: 'Participation', group: 'participation' },
      { layer: 'bloc.gauche', label: 'gauche', group: 'bloc' },
    ];
    const withOther = { otherRound: { id: 'E1' } } as Parameters<typeof effectiveLayer>[2];
    const alone = { otherRound: null } as Parameters<typeof effectiveLayer>[2];
    expect(effectiveLayer('bloc.gauche', choices, withOther)).toBe('bloc.gauche');
    expect(effectiveLayer('change.bloc.gauche', choices, withOther)).toBe('change.bloc.gauche');
    expect(effectiveLayer('change.bloc.gauche', choices, alone)).toBe('bloc.gauche');
    expect(effectiveLayer('candidate.0123', choices, withOther)).toBe('turnout');
    expect(effectiveLayer('bloc.droite', [], withOther)).toBe('bloc.droite');
  });
});
