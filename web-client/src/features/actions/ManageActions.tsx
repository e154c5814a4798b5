import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import type { ActionDetailsFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ActionErrors } from './ActionErrors';
import { instantToLocal, localToInstant, zoneCity } from './actionTime';
import {
  CancelActionMutation,
  CompleteActionMutation,
  DuplicateActionMutation,
  ElectoralSilencesQuery,
  PublishActionMutation,
} from './queries';
import { silenceOver } from './silence';

type Action = ActionDetailsFieldsFragment;
type Dialog = 'duplicate' | 'cancel' | null;

interface Props {
  action: Action;
  onChange: (action: Action) => void;
}

/** What those who manage the action may do to it; only what its status allows is offered. */
export function ManageActions({ action, onChange }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [publish, publishState] = useMutation(PublishActionMutation);
  const [complete, completeState] = useMutation(CompleteActionMutation);
  const [cancel, cancelState] = useMutation(CancelActionMutation);
  const [duplicate, duplicateState] = useMutation(DuplicateActionMutation);
  const silences = useQuery(ElectoralSilencesQuery, {});
  const silence = silenceOver(silences.data?.electoralSilences, { federationCode: action.section.federation.code, communeCode: action.communeCode });

  const open = action.status === 'DRAFT' || action.status === 'PUBLISHED';
  const started = Date.parse(action.startsAt) <= Date.now();
  const over = Date.parse(action.endsAt) <= Date.now();
  const busy = publishState.loading || completeState.loading || cancelState.loading || duplicateState.loading;
  const error = publishState.error ?? completeState.error ?? cancelState.error ?? duplicateState.error;

  /** Shows what a mutation answered: the action, or its errors. */
  function settle(payload: { action?: Action | null; errors: readonly PayloadError[] } | undefined): boolean {
    if (!payload) return false;
    if (payload.errors.length) {
      setErrors([...payload.errors]);
      return false;
    }
    if (payload.action) onChange(payload.action);
    return true;
  }

  async function run(kind: 'publish' | 'complete') {
    setErrors([]);
    const data = kind === 'publish' ? (await publish({ actionId: action.id }))?.publishAction : (await complete({ actionId: action.id }))?.completeAction;
    settle(data);
  }

  async function confirmCancel(reason: string) {
    setErrors([]);
    const ok = settle((await cancel({ input: { actionId: action.id, reason: reason.trim() || null } }))?.cancelAction);
    if (ok) setDialog(null);
  }

  async function confirmDuplicate(startsAt: string) {
    setErrors([]);
    const payload = (await duplicate({ input: { actionId: action.id, startsAt } }))?.duplicateAction;
    if (!payload) return;
    if (payload.errors.length) setErrors([...payload.errors]);
    else if (payload.action) {
      setDialog(null);
      navigate(`/actions/${encodeURIComponent(payload.action.id)}/edit`);
    }
  }

  return (
    <section className="manage card" aria-labelledby="manage-title" data-testid="manage-action">
      <h2 id="manage-title">{t('actions.manage.title')}</h2>
      {silence && open && (
        <p className="notice" data-testid="silence-notice">
          {t('actions.manage.silence', { name: silence.name, until: formatDateTime(silence.endsAt) })}
        </p>
      )}
      <div className="actions">
        {open && (
          <Link className="button-link secondary" to={`/actions/${encodeURIComponent(action.id)}/edit`} data-testid="action-edit">
            {t('actions.manage.edit')}
          </Link>
        )}
        {action.status === 'DRAFT' && !over && !silence && (
          <button type="button" onClick={() => void run('publish')} disabled={busy} data-testid="action-publish">
            {t('actions.manage.publish')}
          </button>
        )}
        {action.status === 'PUBLISHED' && started && (
          <button type="button" onClick={() => void run('complete')} disabled={busy} data-testid="action-complete">
            {t('actions.manage.complete')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => setDialog('duplicate')} disabled={busy} data-testid="action-duplicate">
          {t('actions.manage.duplicate')}
        </button>
        {open && (
          <button type="button" className="danger" onClick={() => setDialog('cancel')} disabled={busy} data-testid="action-cancel">
            {t('actions.manage.cancel')}
          </button>
        )}
      </div>
      {!dialog && <ActionErrors errors={errors} error={error} testId="manage-errors" />}
      {dialog === 'cancel' && (
        <CancelDialog
          action={action}
          busy={cancelState.loading}
          errors={<ActionErrors errors={errors} error={cancelState.error} testId="cancel-dialog-errors" />}
          onConfirm={(reason) => void confirmCancel(reason)}
          onClose={() => {
            setErrors([]);
            setDialog(null);
          }}
        />
      )}
      {dialog === 'duplicate' && (
        <DuplicateDialog
          action={action}
          busy={duplicateState.loading}
          errors={<ActionErrors errors={errors} error={duplicateState.error} testId="duplicate-dialog-errors" />}
          onConfirm={(startsAt) => void confirmDuplicate(startsAt)}
          onClose={() => {
            setErrors([]);
            setDialog(null);
          }}
        />
      )}
    </section>
  );
}

interface DialogProps<T> {
  action: Action;
  busy: boolean;
  errors: ReactNode;
  onConfirm: (value: T) => void;
  onClose: () => void;
}

/** Cancelling tells everyone taking part or waiting: the dialog says how many, and asks why (sent to them). */
function CancelDialog({ action, busy, errors, onConfirm, onClose }: DialogProps<string>) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const told = action.status === 'PUBLISHED' ? action.attendance.confirmed + action.attendance.waiting : 0;
  return (
    <ConfirmDialog
      title={t('actions.manage.cancelTitle', { title: action.title })}
      confirmLabel={t('actions.manage.cancelConfirm')}
      cancelLabel={t('actions.manage.keep')}
      busy={busy}
      onConfirm={() => onConfirm(reason)}
      onCancel={onClose}
      testId="cancel-dialog"
    >
      <p>{told > 0 ? t('actions.manage.cancelTells', { count: told }) : t('actions.manage.cancelNobody')}</p>
      <label htmlFor={`${id}-reason`}>{t('actions.manage.reason')}</label>
      <textarea
        id={`${id}-reason`}
        value={reason}
        maxLength={500}
        rows={3}
        onChange={(e) => setReason(e.target.value)}
        data-testid="cancel-reason"
      />
      {errors}
    </ConfirmDialog>
  );
}

/** A copy as a draft at another start (same length, same place), without its participants. */
function DuplicateDialog({ action, busy, errors, onConfirm, onClose }: DialogProps<string>) {
  const { t } = useTranslation();
  const id = useId();
  // A week later is the usual repeat (the market every Saturday).
  const [local, setLocal] = useState(() => instantToLocal(new Date(Date.parse(action.startsAt) + 7 * 86_400_000).toISOString(), action.timeZone));
  // A copy starts in the future (the API says IN_THE_PAST otherwise): a past start is not sent.
  const typed = localToInstant(local, action.timeZone);
  const instant = typed && Date.parse(typed) > Date.now() ? typed : null;
  return (
    <ConfirmDialog
      title={t('actions.manage.duplicateTitle')}
      confirmLabel={t('actions.manage.duplicateConfirm')}
      cancelLabel={t('actions.manage.keep')}
      busy={busy || !instant}
      onConfirm={() => instant && onConfirm(instant)}
      onCancel={onClose}
      testId="duplicate-dialog"
    >
      <p>{t('actions.manage.duplicateText')}</p>
      <label htmlFor={`${id}-start`}>{t('actions.manage.newStart', { zone: zoneCity(action.timeZone) })}</label>
      <input id={`${id}-start`} type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} data-testid="duplicate-starts-at" />
      {errors}
    </ConfirmDialog>
  );
}
