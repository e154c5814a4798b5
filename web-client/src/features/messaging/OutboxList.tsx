import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OutboxEntryFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { useIsPhone } from '../../ui/useMediaQuery';
import { OutboxStatusBadge } from './MessagingParts';

type Row = OutboxEntryFieldsFragment;

/**
 * Whether the API hid who the row went to: a viewer who does not see the person gets no name and an address that tells
 * nothing but its channel ("•••@•••", "+•• •• •• •• ••").
 */
export function isHiddenRecipient(row: Pick<Row, 'recipient' | 'recipientName'>): boolean {
  return !row.recipientName && row.recipient.includes('•');
}

/** Who: the name when the viewer sees the person's details, and the address; "hidden recipient" otherwise. */
function Recipient({ row }: { row: Row }) {
  const { t } = useTranslation();
  if (isHiddenRecipient(row))
    return (
      <span className="outbox-recipient">
        <span className="muted outbox-hidden" data-testid="outbox-row-recipient" data-hidden="">
          {t(row.recipient.includes('@') ? 'messaging.outbox.hiddenEmail' : 'messaging.outbox.hiddenPhone')}
        </span>
        <TestBadge row={row} />
      </span>
    );
  return (
    <span className="outbox-recipient">
      {row.recipientName && (
        <strong className="outbox-name" data-testid="outbox-row-name">
          {row.recipientName}
        </strong>
      )}{' '}
      <span className={row.recipientName ? 'muted email' : 'email'} data-testid="outbox-row-recipient">
        {row.recipient}
      </span>
      <TestBadge row={row} />
    </span>
  );
}

function TestBadge({ row }: { row: Row }) {
  const { t } = useTranslation();
  if (!row.isTest) return null;
  return (
    <>
      {' '}
      <span className="badge" data-testid="outbox-row-test">
        {t('messaging.outbox.test')}
      </span>
    </>
  );
}

/** Coopol's own reasons, translated by their code; a provider's (TWILIO_…, SMTP_…) as the API words them. */
const REASONS = ['QUIET_HOURS', 'ELECTORAL_SILENCE', 'NO_CONSENT', 'UNUSABLE_CONTACT', 'INTERRUPTED', 'INTERNAL_ERROR', 'STOP', 'UNDELIVERED'] as const;
type Reason = (typeof REASONS)[number];

function isReason(code: string | null | undefined): code is Reason {
  return !!code && (REASONS as readonly string[]).includes(code);
}

function reasonText(t: TFunction, row: Row): string | null | undefined {
  if (!isReason(row.errorCode)) return row.note;
  // "Electoral silence: <its name>": the name is the silence's own.
  const detail = row.note?.includes(': ') ? row.note.slice(row.note.indexOf(': ') + 2) : '';
  return t(`messaging.outbox.reason.${row.errorCode}`, { detail });
}

/** Why it failed or waits: the provider's note and code (as they give them), or that nothing left this server. */
function Note({ row }: { row: Row }) {
  const { t } = useTranslation();
  return (
    <>
      {row.local && (
        <span className="hint outbox-local" data-testid="outbox-row-local">
          {t('messaging.outbox.local')}
        </span>
      )}
      {(row.note || row.errorCode) && (
        <span className="outbox-note" data-testid="outbox-row-note">
          {reasonText(t, row)}
          {row.errorCode && <code data-testid="outbox-row-code"> {row.errorCode}</code>}
        </span>
      )}
      {row.attempts > 1 && <span className="muted"> {t('messaging.outbox.attempts', { count: row.attempts })}</span>}
    </>
  );
}

function When({ row }: { row: Row }) {
  const { t } = useTranslation();
  return (
    <>
      {row.sentAt && <span data-testid="outbox-row-sent">{t('messaging.outbox.sentAt', { at: formatDateTime(row.sentAt) })}</span>}
      {row.deliveredAt && (
        <span data-testid="outbox-row-delivered">
          {row.sentAt ? ' · ' : ''}
          {t('messaging.outbox.deliveredAt', { at: formatDateTime(row.deliveredAt) })}
        </span>
      )}
    </>
  );
}

/** A message's outbox: cards on a phone, a table at a desk; said once when some recipients are hidden from the viewer. */
export function OutboxList({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <>
      {rows.some(isHiddenRecipient) && (
        <p className="hint" data-testid="outbox-hidden-note">
          {t('messaging.outbox.hiddenNote')}
        </p>
      )}
      <OutboxRows rows={rows} />
    </>
  );
}

function OutboxRows({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  if (phone)
    return (
      <ul className="cards outbox-cards" aria-label={t('messaging.outbox.title')} data-testid="outbox-cards">
        {rows.map((r, i) => (
          <li key={`${r.recipient}-${i}`} className="card-item" data-testid="outbox-row" data-status={r.status} data-test={r.isTest}>
            <div className="card-title">
              <Recipient row={r} />
            </div>
            <OutboxStatusBadge status={r.status} />
            <p className="muted">
              <When row={r} />
            </p>
            <p>
              <Note row={r} />
            </p>
          </li>
        ))}
      </ul>
    );
  return (
    <table className="data-table outbox-table" data-testid="outbox-table">
      <caption className="visually-hidden">{t('messaging.outbox.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('messaging.outbox.columns.recipient')}</th>
          <th scope="col">{t('messaging.outbox.columns.status')}</th>
          <th scope="col">{t('messaging.outbox.columns.when')}</th>
          <th scope="col">{t('messaging.outbox.columns.note')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.recipient}-${i}`} data-testid="outbox-row" data-status={r.status} data-test={r.isTest}>
            <td>
              <Recipient row={r} />
            </td>
            <td>
              <OutboxStatusBadge status={r.status} />
            </td>
            <td>
              <When row={r} />
            </td>
            <td>
              <Note row={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
