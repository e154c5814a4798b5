import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../../api/hooks';
import type { ActionOutboxQuery as OutboxResult } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { formatInstant } from './actionTime';
import { ActionOutboxQuery } from './queries';

type Notice = OutboxResult['actionOutbox'][number];

const OUTBOX_SIZE = 50;

/** A path of this app (`/actions/confirm?token=…`): shown as a link, so a demo can follow a visitor's confirmation. */
export function appLink(body: string | null | undefined): string | null {
  const text = body?.trim() ?? '';
  return /^\/(?![/\\])\S*$/.test(text) ? text : null;
}

function viewerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return 'Europe/Paris';
  }
}

/**
 * What actions would send (confirmation links, reminders, cancellations, freed places), newest first: with no mail or
 * SMS provider configured, messages stay here. The national team only (others get FORBIDDEN).
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(ActionOutboxQuery, { first: OUTBOX_SIZE });
  useDocumentTitle(t('outbox.title'));
  const zone = viewerZone();
  // Newest first (the API's order; kept when two share a time).
  const notices = [...(data?.actionOutbox ?? [])].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));

  if (error?.hasCode('FORBIDDEN')) {
    return (
      <div className="page outbox-page" data-testid="outbox-page">
        <PageHeading>{t('outbox.title')}</PageHeading>
        <p className="notice" role="alert" data-testid="outbox-forbidden">
          {t('outbox.forbidden')}
        </p>
      </div>
    );
  }

  return (
    <div className="page outbox-page" data-testid="outbox-page">
      <PageHeading>{t('outbox.title')}</PageHeading>
      <p className="hint" data-testid="outbox-explain">
        {t('outbox.explain')}
      </p>
      <div className="actions">
        <button type="button" className="secondary" onClick={refetch} disabled={loading} data-testid="outbox-refresh">
          {t('outbox.refresh')}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {!data && loading && <p role="status">{t('common.loading')}</p>}
      {data &&
        (notices.length === 0 ? (
          <p className="muted" data-testid="outbox-empty">
            {t('outbox.empty')}
          </p>
        ) : (
          <ul className="cards outbox-list" data-testid="outbox-list">
            {notices.map((n, i) => (
              <OutboxMessage key={`${n.createdAt}-${i}`} notice={n} zone={zone} />
            ))}
          </ul>
        ))}
      {data && notices.length >= OUTBOX_SIZE && (
        <p className="hint" data-testid="outbox-latest-only">
          {t('outbox.latestOnly', { count: OUTBOX_SIZE })}
        </p>
      )}
    </div>
  );
}

function OutboxMessage({ notice: n, zone }: { notice: Notice; zone: string }) {
  const { t } = useTranslation();
  const link = appLink(n.body);
  return (
    <li className="card-item outbox-message" data-testid="outbox-message" data-kind={n.kind} data-status={n.status}>
      <p className="outbox-head">
        <strong data-testid="outbox-subject">{n.subject}</strong>
      </p>
      <p className="muted">
        {t(`actions.notices.kind.${n.kind}`)} · <time dateTime={n.createdAt} data-testid="outbox-time">{formatInstant(n.createdAt, zone)}</time>
      </p>
      {n.recipient && (
        <p className="outbox-recipient" data-testid="outbox-recipient">
          {t('outbox.to', { recipient: n.recipient })}
        </p>
      )}
      <p className={n.status === 'HELD' ? 'error' : 'muted'} data-testid="outbox-status" data-status={n.status}>
        {t(`actions.notices.status.${n.status}`)}
        {n.heldReason && <span data-testid="outbox-held-reason"> — {n.heldReason}</span>}
      </p>
      {link ? (
        <p>
          <Link to={link} className="outbox-link" data-testid="outbox-link">
            {n.kind === 'CONFIRM_SIGNUP' ? t('outbox.followConfirmation') : t('outbox.openLink')}
          </Link>
        </p>
      ) : (
        n.body && (
          <p className="outbox-body" data-testid="outbox-body">
            {n.body}
          </p>
        )
      )}
    </li>
  );
}
