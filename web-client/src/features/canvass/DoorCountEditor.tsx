import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import type { SetBuildingDoorCountMutation as SetDoorCountResult } from '../../gql/graphql';
import { ActionErrors } from '../actions/ActionErrors';
import { SetBuildingDoorCountMutation } from './queries';

export const MIN_DOORS = 1;
export const MAX_DOORS = 500;

export type SavedBuilding = NonNullable<SetDoorCountResult['setBuildingDoorCount']['building']>;

interface Props {
  actionId: string;
  building: { id: string; label?: string | null; doorCount?: number | null; doors: readonly unknown[] };
  /** Online, with the share from the API (not the copy kept on the phone), and the viewer's share or turf. */
  editable: boolean;
  onSaved: (building: SavedBuilding) => void;
}

/** "Doors: 12 ✎": how many doors a building has, entered by the volunteer when known (online only). */
export function DoorCountEditor({ actionId, building, editable, onSaved }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [save, state] = useMutation(SetBuildingDoorCountMutation);
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  const valid = n >= MIN_DOORS && n <= MAX_DOORS;
  const known = building.doorCount ?? null;

  function open() {
    setValue(String(known ?? building.doors.length));
    setErrors([]);
    setEditing(true);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!valid) {
      setErrors([{ code: 'DOOR_COUNT_OUT_OF_RANGE' }]);
      return;
    }
    setErrors([]);
    const payload = (await save({ actionId, buildingId: building.id, count: n }))?.setBuildingDoorCount;
    if (!payload) return;
    if (payload.errors.length || !payload.building) {
      setErrors(payload.errors);
      return;
    }
    setEditing(false);
    onSaved(payload.building);
  }

  if (!editing) {
    return (
      <p className="door-count" data-testid="door-count" data-count={known ?? ''}>
        <span>{known === null ? t('canvass.doorCount.unknown') : t('canvass.doorCount.known', { count: known })}</span>{' '}
        <button
          type="button"
          className="link door-count-button"
          onClick={open}
          disabled={!editable}
          aria-label={building.label ? `${t('canvass.doorCount.edit')} · ${building.label}` : t('canvass.doorCount.edit')}
          title={editable ? undefined : t('canvass.doorCount.offline')}
          data-testid="door-count-edit"
        >
          ✎
        </button>
      </p>
    );
  }

  const inputId = `door-count-${building.id}`;
  return (
    <form className="door-count-form" onSubmit={(e) => void submit(e)} noValidate data-testid="door-count-form">
      <label htmlFor={inputId}>{t('canvass.doorCount.label')}</label>
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={MIN_DOORS}
        max={MAX_DOORS}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={value && !valid ? true : undefined}
        aria-describedby={`${inputId}-hint`}
        data-testid="door-count-input"
      />
      <span className="hint" id={`${inputId}-hint`}>
        {t('canvass.doorCount.hint', { min: MIN_DOORS, max: MAX_DOORS })}
      </span>
      <div className="actions">
        <button type="submit" disabled={!editable || state.loading} data-testid="door-count-save">
          {t('canvass.doorCount.save')}
        </button>
        <button type="button" className="secondary" onClick={() => setEditing(false)} data-testid="door-count-cancel">
          {t('canvass.doorCount.cancel')}
        </button>
      </div>
      <ActionErrors errors={errors} error={state.error} testId="door-count-errors" />
    </form>
  );
}
