import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import { formatDate } from '../../i18n/format';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GeneralErrors } from '../../ui/FieldErrors';
import { useViewer } from '../viewer/ViewerContext';
import { AnswerInvitationMutation, MyInvitationsQuery } from './queries';

interface Answered {
  accepted: boolean;
  section: string;
}

/**
 * Sections that recorded the viewer under their email ask whether they want to join (their records become one).
 * `showEmpty`: say so when nothing is pending (members' home), rather than show nothing (organizers' home).
 */
export function Invitations({ showEmpty }: { showEmpty: boolean }) {
  const { t } = useTranslation();
  const { refetch: refetchViewer } = useViewer();
  const { data, error, refetch } = useQuery(MyInvitationsQuery, {});
  const [answer, answerState] = useMutation(AnswerInvitationMutation);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [answered, setAnswered] = useState<Answered | null>(null);
  const invitations = (data?.me?.invitations.items ?? []).flatMap((i) => (i ? [i] : []));

  async function reply(invitationId: string, accept: boolean) {
    setErrors([]);
    setAnswered(null);
    const payload = (await answer({ input: { invitationId, accept } }))?.answerSectionInvitation;
    if (!payload) return;
    if (payload.errors.length) setErrors(payload.errors);
    else if (payload.invitation) setAnswered({ accepted: accept, section: payload.invitation.section.name });
    refetch();
    // Joining may move the viewer to the section: what the header and home show comes from `me`.
    if (accept) refetchViewer();
  }

  if (!invitations.length && !answered && !errors.length && !(showEmpty && data)) return error ? <ErrorMessage error={error} /> : null;

  return (
    <section className="card" aria-labelledby="invitations-title" data-testid="invitations">
      <h2 id="invitations-title">{t('invitations.title')}</h2>
      {answered && (
        <p className="success" role="status" data-testid="invitation-answered">
          {answered.accepted ? t('invitations.joined', { section: answered.section }) : t('invitations.declined', { section: answered.section })}
        </p>
      )}
      <GeneralErrors errors={errors} testId="invitation-errors" />
      {answerState.error && <ErrorMessage error={answerState.error} />}
      {invitations.length === 0 ? (
        <p data-testid="invitations-empty">{t('invitations.none')}</p>
      ) : (
        <ul className="cards">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="card-item" data-testid="invitation" data-invitation-id={invitation.id}>
              <p>
                {t('invitations.ask', { section: invitation.section.name, federation: invitation.section.federation.name })}
                <br />
                <span className="muted">{t('invitations.since', { date: formatDate(invitation.createdAt) })}</span>
              </p>
              <p className="hint">{t('invitations.explain')}</p>
              <div className="actions">
                <button
                  type="button"
                  disabled={answerState.loading}
                  onClick={() => void reply(invitation.id, true)}
                  aria-label={t('invitations.acceptOf', { section: invitation.section.name })}
                  data-testid="invitation-accept"
                >
                  {t('invitations.accept')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={answerState.loading}
                  onClick={() => void reply(invitation.id, false)}
                  aria-label={t('invitations.declineOf', { section: invitation.section.name })}
                  data-testid="invitation-decline"
                >
                  {t('invitations.decline')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
