import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionSummaryFieldsFragment, NearInput } from '../../gql/graphql';
import { formatNumber } from '../../i18n/format';
import { formatWhen } from './actionTime';

export type ActionSummary = ActionSummaryFieldsFragment;

interface Props {
  action: ActionSummary;
  /** Metres from the place searched (near me). */
  distanceMeters?: number;
  /** Where the viewer searched from: a visitor who joins is placed in the section there. */
  near?: NearInput | null;
  showSection?: boolean;
}

/** One action in a list: what, when (on the place's clock), how far, how many. */
export function ActionCard({ action, distanceMeters, near, showSection = false }: Props) {
  const { t } = useTranslation();
  const { attendance } = action;
  return (
    <li className="card-item action-card" data-testid="action-row" data-action-id={action.id} data-status={action.status}>
      <div className="card-title">
        <Link to={`/actions/${encodeURIComponent(action.id)}`} state={near ? { near } : undefined} data-testid="action-link">
          {action.title}
        </Link>
        <span className={`badge kind-${action.kind}`}>{t(`actions.kind.${action.kind}`)}</span>
        {action.status !== 'PUBLISHED' && (
          <span className={`badge status-${action.status}`} data-testid="action-status">
            {t(`actions.status.${action.status}`)}
          </span>
        )}
      </div>
      <p>
        <time dateTime={action.startsAt} data-testid="action-when">
          {formatWhen(action.startsAt, action.endsAt, action.timeZone)}
        </time>
      </p>
      <p className="muted action-facts">
        {distanceMeters != null && (
          <span data-testid="action-distance">{t('actions.distance', { km: formatNumber(distanceMeters / 1000, 1) })}</span>
        )}
        <span data-testid="action-places">
          {attendance.placesLeft != null
            ? t('actions.placesOfTarget', { count: attendance.placesLeft, target: attendance.target })
            : t('actions.confirmedOfTarget', { confirmed: attendance.confirmed, target: attendance.target })}
        </span>
        {showSection && <span>{action.section.name}</span>}
      </p>
      {action.viewerParticipation && action.viewerParticipation !== 'LEFT' && (
        <p className={`participation participation-${action.viewerParticipation}`} data-testid="action-participation">
          {t(`actions.participation.${action.viewerParticipation}`)}
        </p>
      )}
    </li>
  );
}
