import { useTranslation } from 'react-i18next';
import type { ActionQuery } from '../../gql/graphql';
import { formatInstant } from './actionTime';

type Notice = NonNullable<NonNullable<ActionQuery['action']>['notices']>[number];

/** What participants were sent about the action (or why it was held back, e.g. during an electoral silence). */
export function NoticesList({ notices, timeZone }: { notices: readonly Notice[]; timeZone: string }) {
  const { t } = useTranslation();
  return (
    <section className="notices" aria-labelledby="notices-title" data-testid="notices">
      <h2 id="notices-title">{t('actions.notices.title')}</h2>
      {notices.length === 0 ? (
        <p className="muted" data-testid="notices-empty">
          {t('actions.notices.none')}
        </p>
      ) : (
        <ul className="history">
          {notices.map((n, i) => (
            <li key={i} data-testid="notice" data-kind={n.kind} data-status={n.status}>
              <time dateTime={n.createdAt}>{formatInstant(n.createdAt, timeZone)}</time>
              <span>
                <strong>{t(`actions.notices.kind.${n.kind}`)}</strong> · {n.subject}
              </span>
              <span className={n.status === 'HELD' ? 'error' : 'muted'}>
                {t(`actions.notices.status.${n.status}`)}
                {n.heldReason ? ` — ${n.heldReason}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
