import { useTranslation } from 'react-i18next';
import type { ActionSummaryFieldsFragment } from '../../gql/graphql';

type Attendance = ActionSummaryFieldsFragment['attendance'];

/** Confirmed against the target (the bar), then capacity, places left, waiting list and check-ins. */
export function AttendanceBar({ attendance }: { attendance: Attendance }) {
  const { t } = useTranslation();
  const { confirmed, target, capacity, placesLeft, waiting, checkedIn } = attendance;
  // The bar fills to the target; with no target, to the capacity; otherwise there is nothing to fill.
  const goal = target > 0 ? target : (capacity ?? 0);
  const share = goal > 0 ? Math.min(100, Math.round((confirmed / goal) * 100)) : 0;
  return (
    <div className="attendance" data-testid="attendance" data-confirmed={confirmed} data-target={target}>
      <p className="attendance-main">
        {target > 0 ? t('actions.attendance.ofTarget', { confirmed, target }) : t('actions.attendance.taking', { count: confirmed })}
      </p>
      {goal > 0 && (
        <div
          className={`progress${confirmed >= goal ? ' reached' : ''}`}
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={goal}
          aria-valuenow={Math.min(confirmed, goal)}
          aria-label={t('actions.attendance.label')}
        >
          <span style={{ width: `${share}%` }} />
        </div>
      )}
      <ul className="attendance-facts">
        {capacity != null && (
          <li data-testid="attendance-capacity">
            {placesLeft === 0
              ? t('actions.attendance.full', { capacity })
              : t('actions.attendance.placesLeft', { count: placesLeft ?? 0, capacity })}
          </li>
        )}
        {waiting > 0 && <li data-testid="attendance-waiting">{t('actions.attendance.waiting', { count: waiting })}</li>}
        {checkedIn > 0 && <li data-testid="attendance-checked-in">{t('actions.attendance.checkedIn', { count: checkedIn })}</li>}
      </ul>
    </div>
  );
}
