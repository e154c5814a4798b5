import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '../../api/hooks';
import type { MessageSummaryFieldsFragment } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useIsPhone } from '../../ui/useMediaQuery';
import { messageTitle, messageWhen } from './messageText';
import { ChannelBadge, MessagingNav, NodePicker, NoSendingNode, Pager, StatusBadge } from './MessagingParts';
import { nodeQuery, nodeVariables } from './node';
import { pageVariables, readPage } from './paging';
import { MessagesQuery } from './queries';
import { useMessagingNode } from './useMessagingNode';

export const MESSAGES_PAGE = 20;

type Row = MessageSummaryFieldsFragment;

export function messagePath(id: string): string {
  return `/messages/${encodeURIComponent(id)}`;
}

/** The messages of a section, a federation or the party, newest first (`?section=&after=|before=`). */
export function MessagesPage() {
  const { t } = useTranslation();
  const m = useMessagingNode();
  const { node } = m;
  const page = readPage(m.url);
  const { data, error, loading } = useQuery(
    MessagesQuery,
    { ...(node ? nodeVariables(node) : { sectionId: null, federationCode: null }), ...pageVariables(page, MESSAGES_PAGE) },
    { skip: !node },
  );
  useDocumentTitle(node ? t('messaging.messages.titleOf', { node: m.label }) : t('messaging.messages.title'));

  if (!node) return <NoSendingNode loading={m.waiting} />;
  const messages = data?.messages ?? null;
  const rows = (messages?.items ?? []).flatMap((r) => (r ? [r] : []));

  return (
    <div className="page messages-page" data-testid="messages-page">
      <div className="page-heading">
        <div>
          <PageHeading>{t('messaging.messages.titleOf', { node: m.label })}</PageHeading>
          <MessagingNav node={node} current="messages" />
        </div>
        {/* Writing is offered where the list could be read: the API answers FORBIDDEN to anyone who may not send from here. */}
        {messages && (
          <div className="actions">
            <Link className="button-link" to={`/messages/new${nodeQuery(node, { channel: 'EMAIL' })}`} data-testid="new-newsletter">
              {t('messaging.messages.newNewsletter')}
            </Link>
            <Link className="button-link" to={`/messages/new${nodeQuery(node, { channel: 'SMS' })}`} data-testid="new-sms">
              {t('messaging.messages.newSms')}
            </Link>
          </div>
        )}
      </div>
      <NodePicker node={node} choices={m.choices} onChoose={m.choose} />

      {!data && loading && <p role="status">{t('common.loading')}</p>}
      {error && <ErrorMessage error={error} />}
      {error?.hasCode('INVALID_CURSOR') && (
        <button type="button" className="secondary" onClick={() => m.update({ after: null, before: null })} data-testid="messages-first-page">
          {t('people.firstPage')}
        </button>
      )}
      {messages &&
        (rows.length === 0 ? (
          <p data-testid="messages-empty">{t('messaging.messages.none')}</p>
        ) : (
          <MessageList rows={rows} caption={t('messaging.messages.titleOf', { node: m.label })} />
        ))}
      {messages && (
        <Pager
          pageInfo={messages.pageInfo}
          loading={loading}
          onPrevious={(before) => m.update({ before, after: null })}
          onNext={(after) => m.update({ after, before: null })}
          testId="messages"
        />
      )}
    </div>
  );
}

function Counts({ row }: { row: Row }) {
  const { t } = useTranslation();
  return (
    <span className="message-counts" data-testid="message-counts" data-sent={row.stats.sent} data-delivered={row.stats.delivered} data-failed={row.stats.failed}>
      {t('messaging.messages.counts', {
        sent: formatNumber(row.stats.sent),
        delivered: formatNumber(row.stats.delivered),
        failed: formatNumber(row.stats.failed),
      })}
    </span>
  );
}

/** Cards on a phone, a table at a desk; a message opens its page. */
function MessageList({ rows, caption }: { rows: Row[]; caption: string }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const navigate = useNavigate();

  if (phone)
    return (
      <ul className="cards message-cards" aria-label={caption} data-testid="messages-cards">
        {rows.map((r) => (
          <li key={r.id} className="card-item message-card" data-testid="message-row" data-message-id={r.id} data-status={r.status}>
            <div className="card-title">
              <ChannelBadge channel={r.channel} />
              <StatusBadge status={r.status} />
            </div>
            <Link to={messagePath(r.id)} className="message-title" data-testid="message-link">
              {messageTitle(r)}
            </Link>
            {r.segmentName && <span className="muted">{t('messaging.messages.to', { segment: r.segmentName })}</span>}
            <time className="muted" dateTime={messageWhen(r)}>
              {formatDateTime(messageWhen(r))}
            </time>
            {r.status !== 'DRAFT' && <Counts row={r} />}
          </li>
        ))}
      </ul>
    );

  return (
    <table className="data-table messages-table" data-testid="messages-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('messaging.messages.columns.message')}</th>
          <th scope="col">{t('messaging.messages.columns.segment')}</th>
          <th scope="col">{t('messaging.messages.columns.status')}</th>
          <th scope="col">{t('messaging.messages.columns.counts')}</th>
          <th scope="col">{t('messaging.messages.columns.when')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.id}
            className="clickable"
            data-testid="message-row"
            data-message-id={r.id}
            data-status={r.status}
            onClick={(e) => {
              if ((e.target as HTMLElement).closest('a')) return;
              navigate(messagePath(r.id));
            }}
          >
            <td>
              <ChannelBadge channel={r.channel} />{' '}
              <Link to={messagePath(r.id)} className="message-title" data-testid="message-link">
                {messageTitle(r)}
              </Link>
            </td>
            <td>{r.segmentName || <span className="muted">{t('messaging.everyone')}</span>}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>{r.status !== 'DRAFT' && <Counts row={r} />}</td>
            <td>
              <time dateTime={messageWhen(r)}>{formatDateTime(messageWhen(r))}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
