import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from '../../api/hooks';
import type { ActionDetailsFieldsFragment, ActionQuery as ActionResult, NearInput } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth/AuthContext';
import { TurfPanel } from '../canvass/TurfPanel';
import { formatWhen, isForeignZone, zoneCity } from './actionTime';
import { AttendanceBar } from './AttendanceBar';
import { JoinLeave } from './JoinLeave';
import { ManageActions } from './ManageActions';
import { MeetingPlace } from './MeetingPlace';
import { NoticesList } from './NoticesList';
import { ParticipantsList } from './ParticipantsList';
import { ActionQuery } from './queries';
import { VisitorJoinForm } from './VisitorJoinForm';

type FullAction = NonNullable<ActionResult['action']>;

/** An action: what, when, where (once joined), how many; joining; and for those who run it, the people and the controls. */
export function ActionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { token } = useAuth();
  const location = useLocation();
  // The place a visitor searched from (near me) travels with the link, to choose the section they join.
  const near = (location.state as { near?: NearInput } | null)?.near ?? null;
  const { data, error, loading, setData, refetch } = useQuery(ActionQuery, { id });
  const action = data?.action ?? null;
  useDocumentTitle(action?.title ?? (loading ? null : t('actions.page.notFound')));

  if (!data && loading) return <p role="status">{t('common.loading')}</p>;
  if (!action) {
    return (
      <div className="page">
        <PageHeading>{t('actions.page.notFound')}</PageHeading>
        {error ? <ErrorMessage error={error} /> : <p className="notice" data-testid="action-not-found">{t('actions.page.notFoundText')}</p>}
        <p>
          <Link to="/actions">{t('actions.near.title')}</Link>
        </p>
      </div>
    );
  }

  // Mutations answer the action's details; the notices are kept from the last read.
  const update = (next: ActionDetailsFieldsFragment) => setData({ action: { ...action, ...next } as FullAction });
  const runs = action.viewerManages || action.viewerOrganizes;
  const joinable = action.status === 'PUBLISHED' && Date.parse(action.endsAt) > Date.now();

  return (
    <article className="page action-page" data-testid="action-page" data-status={action.status}>
      <header className="action-head">
        <p className="muted breadcrumb">
          {t(`actions.kind.${action.kind}`)} · {action.section.name}
        </p>
        <PageHeading data-testid="action-title">{action.title}</PageHeading>
        <p className="action-when">
          <time dateTime={action.startsAt} data-testid="action-when">
            {formatWhen(action.startsAt, action.endsAt, action.timeZone)}
          </time>
          {isForeignZone(action.timeZone) && <span className="muted"> {t('actions.page.zone', { zone: zoneCity(action.timeZone) })}</span>}
        </p>
        {action.status !== 'PUBLISHED' && (
          <p className={`badge status-${action.status}`} data-testid="action-status">
            {t(`actions.status.${action.status}`)}
          </p>
        )}
      </header>

      {action.status === 'CANCELLED' && (
        <p className="notice" role="status" data-testid="action-cancelled">
          {action.cancelReason ? t('actions.page.cancelledBecause', { reason: action.cancelReason }) : t('actions.page.cancelled')}
        </p>
      )}

      <div className="action-layout">
        <div className="action-main">
          {action.description && <p className="action-description">{action.description}</p>}
          <h2>{t('actions.page.where')}</h2>
          <MeetingPlace action={action} />
          {runs && action.turfStationIds && action.turfStationIds.length > 0 && (
            <p data-testid="action-turf">
              {t('actions.page.turf')} {action.turfStationIds.join(', ')}
            </p>
          )}
        </div>
        <aside className="action-side">
          <h2>{t('actions.attendance.title')}</h2>
          <AttendanceBar attendance={action.attendance} />
          {token ? (
            <JoinLeave action={action} open={joinable} onChange={update} />
          ) : (
            joinable && <VisitorJoinForm action={action} near={near} onJoined={update} />
          )}
          {!joinable && action.status === 'PUBLISHED' && <p className="muted">{t('actions.page.over')}</p>}
        </aside>
      </div>

      {token && action.kind === 'DOOR_TO_DOOR' && action.status !== 'CANCELLED' && <TurfPanel action={action} />}
      {action.viewerManages && <ManageActions action={action} onChange={update} />}
      {runs && <ParticipantsList action={action} onCheckedIn={refetch} />}
      {runs && action.notices && <NoticesList notices={action.notices} timeZone={action.timeZone} />}
    </article>
  );
}
