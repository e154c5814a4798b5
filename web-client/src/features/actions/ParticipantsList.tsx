import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import type { ActionDetailsFieldsFragment, ParticipantFieldsFragment } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PhoneLink } from '../../ui/PhoneLink';
import { ActionErrors } from './ActionErrors';
import { checkInOpen, formatInstant } from './actionTime';
import { ActionParticipantsQuery, CheckInParticipantMutation } from './queries';
import { usePagedQuery } from './usePagedQuery';

const PAGE = 100;

interface Props {
  action: ActionDetailsFieldsFragment;
  /** A check-in changed the counts: the page reads the action again. */
  onCheckedIn: () => void;
}

/** Who takes part, confirmed then the waiting list in order, each with a big check-in toggle when check-in is open. */
export function ParticipantsList({ action, onCheckedIn }: Props) {
  const { t } = useTranslation();
  const list = usePagedQuery(ActionParticipantsQuery, { id: action.id, first: PAGE, after: null }, (d) => d.action?.participants);
  // What check-in answered, over what the list read.
  const [updated, setUpdated] = useState<Record<string, ParticipantFieldsFragment>>({});
  const [checkIn, checkInState] = useMutation(CheckInParticipantMutation);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const open = (action.status === 'PUBLISHED' || action.status === 'DONE') && checkInOpen(action.startsAt, action.endsAt);

  async function toggle(p: ParticipantFieldsFragment) {
    setErrors([]);
    setBusy(p.id);
    const data = await checkIn({ input: { actionId: action.id, participantId: p.id, checkedIn: !p.checkedInAt } });
    setBusy(null);
    const payload = data?.checkInParticipant;
    if (!payload) return;
    if (payload.errors.length) setErrors(payload.errors);
    else if (payload.participant) {
      const participant = payload.participant;
      setUpdated((u) => ({ ...u, [participant.id]: participant }));
      onCheckedIn();
    }
  }

  const people = list.items.map((p) => updated[p.id] ?? p);
  const total = list.data?.action?.participants?.totalCount;
  return (
    <section className="participants" aria-labelledby="participants-title" data-testid="participants">
      <h2 id="participants-title">
        {t('actions.participants.title')} {total != null && <span className="muted">({total})</span>}
      </h2>
      {!open && action.status !== 'CANCELLED' && <p className="hint" data-testid="check-in-closed">{t('actions.participants.checkInClosed')}</p>}
      {list.error && !list.data && <ErrorMessage error={list.error} />}
      <ActionErrors errors={errors} error={checkInState.error} testId="check-in-errors" />
      {list.data && people.length === 0 && <p data-testid="participants-empty">{t('actions.participants.none')}</p>}
      <ul className="cards participant-cards">
        {people.map((p) => (
          <li key={p.id} className="card-item participant" data-testid="participant" data-participant-id={p.id} data-status={p.status}>
            <div className="participant-who">
              <span className="participant-name">{p.displayName}</span>
              {p.status === 'WAITING' && <span className="badge">{t('actions.participants.waiting')}</span>}
              {p.phone && <PhoneLink phone={p.phone} testId="participant-tel" />}
              {p.email && (
                <a href={`mailto:${p.email}`} className="email">
                  {p.email}
                </a>
              )}
            </div>
            {open ? (
              <button
                type="button"
                className={`check-in${p.checkedInAt ? ' on' : ''}`}
                aria-pressed={!!p.checkedInAt}
                aria-label={t('actions.participants.checkInOf', { name: p.displayName })}
                onClick={() => void toggle(p)}
                disabled={busy === p.id}
                data-testid="check-in"
              >
                <span aria-hidden="true">{p.checkedInAt ? '✓ ' : ''}</span>
                {p.checkedInAt ? t('actions.participants.checkedIn') : t('actions.participants.checkIn')}
              </button>
            ) : (
              p.checkedInAt && (
                <span className="muted">{t('actions.participants.checkedInAt', { at: formatInstant(p.checkedInAt, action.timeZone) })}</span>
              )
            )}
          </li>
        ))}
      </ul>
      {list.hasNext && (
        <button type="button" className="secondary more" onClick={() => void list.loadMore()} disabled={list.loadingMore} data-testid="participants-more">
          {t('actions.more')}
        </button>
      )}
    </section>
  );
}
