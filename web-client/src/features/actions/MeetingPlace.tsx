import { useTranslation } from 'react-i18next';
import type { ActionDetailsFieldsFragment } from '../../gql/graphql';

/** Where to meet: given to those who run the action or take part (and to anyone for a public one); others are told when. */
export function MeetingPlace({ action }: { action: ActionDetailsFieldsFragment }) {
  const { t } = useTranslation();
  const point = action.meetingPoint;
  if (!action.meetingAddress && !point) {
    return (
      <p className="muted" data-testid="meeting-hidden">
        {t('actions.page.meetingHidden')}
      </p>
    );
  }
  return (
    <div className="meeting" data-testid="meeting-place">
      {action.meetingAddress && <p className="meeting-address">{action.meetingAddress}</p>}
      {point && (
        <p>
          <a
            href={`https://www.openstreetmap.org/?mlat=${point.latitude}&mlon=${point.longitude}#map=18/${point.latitude}/${point.longitude}`}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="meeting-point-link"
          >
            {t('actions.page.openMap')}
          </a>{' '}
          <span className="muted">
            ({point.latitude.toFixed(5)}, {point.longitude.toFixed(5)})
          </span>
        </p>
      )}
    </div>
  );
}
