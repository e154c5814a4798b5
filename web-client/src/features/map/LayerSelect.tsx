import { useTranslation } from 'react-i18next';
import type { MapLayersQuery } from '../../gql/graphql';
import { capitalize, type Election } from '../elections/useElections';
import { baseLayer, canCompare, changeLayer, isChangeLayer } from './layers';

export type LayerChoice = MapLayersQuery['mapLayers'][number];

const GROUPS = ['participation', 'bloc', 'nuance', 'candidate', 'indicator'] as const;

/** A layer's name in the reader's language: participation is named here, blocs, nuances, candidates by the data. */
export function useLayerLabel() {
  const { t } = useTranslation();
  return (choice: Pick<LayerChoice, 'layer' | 'label'>) =>
    choice.layer === 'turnout' || choice.layer === 'abstention'
      ? t(`map.layerNames.${choice.layer}`)
      : choice.layer.startsWith('bloc.')
        ? capitalize(choice.label)
        : choice.label;
}

interface Props {
  choices: readonly LayerChoice[];
  layer: string;
  election: Election;
  onChange: (layer: string) => void;
}

/** The layers grouped (participation, blocs, nuances, candidates, indicators), and the change since the other round. */
export function LayerSelect({ choices, layer, election, onChange }: Props) {
  const { t } = useTranslation();
  const label = useLayerLabel();
  const base = baseLayer(layer);
  const change = isChangeLayer(layer);
  const other = election.otherRound;
  const groups = GROUPS.map((group) => ({ group, items: choices.filter((c) => c.group === group) })).filter((g) => g.items.length > 0);

  return (
    <>
      <label>
        {t('map.layer')}
        <select
          value={base}
          onChange={(e) => {
            const next = e.target.value;
            onChange(change && other && canCompare(next) ? changeLayer(next) : next);
          }}
          data-testid="map-layer"
        >
          {groups.map(({ group, items }) => (
            <optgroup key={group} label={t(`map.groups.${group}`)}>
              {items.map((c) => (
                <option key={c.layer} value={c.layer}>
                  {label(c)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {other && (
        <label className="inline">
          <input
            type="checkbox"
            checked={change}
            disabled={!canCompare(base)}
            onChange={(e) => onChange(e.target.checked ? changeLayer(base) : base)}
            data-testid="map-change"
          />
          {t('map.change', { other: other.name })}
        </label>
      )}
    </>
  );
}
