import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import type { ActionDetailsFieldsFragment } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ActionErrors } from './ActionErrors';
import { JoinActionMutation, LeaveActionMutation } from './queries';

interface Props {
  action: ActionDetailsFieldsFragment;
  /** The action open to joining (published, not over). */
  open: boolean;
  onChange: (action: ActionDetailsFieldsFragment) => void;
}

/** The signed-in viewer takes part, waits for a place, or leaves (which gives their place to the next in line). */
export function JoinLeave({ action, open, onChange }: Props) {
  const { t } = useTranslation();
  const [join, joinState] = useMutation(JoinActionMutation);
  const [leave, leaveState] = useMutation(LeaveActionMutation);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const status = action.viewerParticipation;
  const taking = status === 'CONFIRMED' || status === 'WAITING';

  async function run(kind: 'join' | 'leave') {
    setErrors([]);
    const data = kind === 'join' ? (await join({ actionId: action.id }))?.joinAction : (await leave({ actionId: action.id }))?.leaveAction;
    setConfirmLeave(false);
    if (!data) return;
    if (data.errors.length) setErrors(data.errors);
    else if (data.action) onChange(data.action);
  }

  const full = action.attendance.placesLeft === 0;
  return (
    <div className="participation-box" data-testid="participation" data-status={status ?? 'NONE'}>
      {status === 'CONFIRMED' && (
        <p className="success" data-testid="participation-confirmed">
          {t('actions.participation.CONFIRMED')}
        </p>
      )}
      {status === 'WAITING' && (
        <p className="notice" data-testid="participation-waiting">
          {t('actions.participation.WAITING')}
        </p>
      )}
      <div className="actions">
        {!taking && open && (
          <button type="button" className="big" onClick={() => void run('join')} disabled={joinState.loading} data-testid="action-join">
            {full ? t('actions.page.joinWaiting') : t('actions.page.join')}
          </button>
        )}
        {taking && (
          <button type="button" className="secondary big" onClick={() => setConfirmLeave(true)} data-testid="action-leave">
            {status === 'WAITING' ? t('actions.page.leaveWaiting') : t('actions.page.leave')}
          </button>
        )}
      </div>
      {!taking && full && open && <p className="hint">{t('actions.page.fullHint')}</p>}
      <ActionErrors errors={errors} error={joinState.error ?? leaveState.error} testId="participation-errors" />
      {confirmLeave && (
        <ConfirmDialog
          title={t('actions.page.leaveTitle')}
          confirmLabel={t('actions.page.leave')}
          cancelLabel={t('actions.page.stay')}
          busy={leaveState.loading}
          onConfirm={() => void run('leave')}
          onCancel={() => setConfirmLeave(false)}
          testId="leave-dialog"
        >
          <p>{status === 'CONFIRMED' ? t('actions.page.leaveConfirmed') : t('actions.page.leaveWaitingText')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
