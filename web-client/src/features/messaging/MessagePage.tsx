import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import type { MessageDetailsFieldsFragment, OutboxStatus } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { isKnownErrorCode } from '../../ui/errorText';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useUrlPatch } from '../../ui/useUrlPatch';
import { ActionErrors } from '../actions/ActionErrors';
import { MessagePreview } from './MessagePreview';
import { messageTitle } from './messageText';
import { ChannelBadge, Pager, StatusBadge, useNodeName } from './MessagingParts';
import { nodeOf, nodeQuery } from './node';
import { OutboxList } from './OutboxList';
import { pageVariables, readPage } from './paging';
import { CancelMessageMutation, MessageQuery, MessagingSectionQuery } from './queries';

/** While a message is scheduled or being sent, its page reads it again this often. */
export const POLL_MS = 2000;
export const OUTBOX_PAGE = 25;
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['QUEUED', 'HELD', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'BOUNCED', 'OPTED_OUT'];
const STAT_KEYS = ['queued', 'held', 'sending', 'sent', 'delivered', 'failed', 'bounced', 'optedOut'] as const;
const STAT_STATUS: Record<(typeof STAT_KEYS)[number], OutboxStatus> = {
  queued: 'QUEUED',
  held: 'HELD',
  sending: 'SENDING',
  sent: 'SENT',
  delivered: 'DELIVERED',
  failed: 'FAILED',
  bounced: 'BOUNCED',
  optedOut: 'OPTED_OUT',
};
const AUDIENCE_KEYS = ['matched', 'withoutConsent', 'withoutContact', 'duplicates', 'queued'] as const;

type Message = MessageDetailsFieldsFragment;

/** A message: where its sending is, who it reached, its preview and its outbox (`?status=&after=|before=`). */
export function MessagePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [url, update] = useUrlPatch<'status' | 'after' | 'before'>();
  const status = OUTBOX_STATUSES.find((s) => s === url.get('status')) ?? null;
  const page = readPage(url);
  const variables = useMemo(() => ({ id, status, ...pageVariables(page, OUTBOX_PAGE) }), [id, status, page.after, page.before]);
  const { data, error, loading, refetch, setData } = useQuery(MessageQuery, variables);
  const message = data?.message ?? null;
  const node = message ? nodeOf(message) : null;
  const sectionId = node?.level === 'SECTION' ? node.sectionId : '';
  const section = useQuery(MessagingSectionQuery, { id: sectionId }, { skip: !sectionId });
  const nodeName = useNodeName();
  const [cancelling, setCancelling] = useState(false);
  const [cancelErrors, setCancelErrors] = useState<PayloadError[]>([]);
  const [cancel, cancelState] = useMutation(CancelMessageMutation);
  useDocumentTitle(message ? messageTitle(message) : null);

  // Scheduled or sending: read again once each answer is in, every two seconds, until it is over.
  const active = message?.status === 'SCHEDULED' || message?.status === 'SENDING';
  useEffect(() => {
    if (!active || loading) return;
    const timer = setTimeout(refetch, POLL_MS);
    return () => clearTimeout(timer);
  }, [active, loading, data, refetch]);

  if (!data && loading) return <p role="status">{t('common.loading')}</p>;
  if (!message || !node) {
    return error ? (
      <ErrorMessage error={error} />
    ) : (
      <p className="notice" data-testid="message-not-found">
        {t('errorCode.MESSAGE_NOT_FOUND')}
      </p>
    );
  }

  async function confirmCancel() {
    setCancelErrors([]);
    const payload = (await cancel({ messageId: message!.id }))?.cancelMessage;
    if (!payload) return;
    if (payload.errors.length) {
      setCancelErrors([...payload.errors]);
      return;
    }
    if (payload.message && data?.message) setData({ ...data, message: { ...data.message, status: payload.message.status } });
    setCancelling(false);
  }

  const outbox = message.outbox;
  const rows = (outbox.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const started = !!message.sendStartedAt || message.queued > 0;
  const done = message.stats.sent + message.stats.delivered + message.stats.failed + message.stats.bounced + message.stats.optedOut;
  const canCancel = message.status === 'DRAFT' || message.status === 'SCHEDULED';

  return (
    <div className="page message-page" data-testid="message-page" data-status={message.status}>
      <p className="breadcrumb">
        <Link to={`/messages${nodeQuery(node)}`}>{t('messaging.messages.titleOf', { node: nodeName(node, section.data?.section?.name) })}</Link>
      </p>
      <div className="page-heading">
        <div>
          <PageHeading data-testid="message-title">{messageTitle(message)}</PageHeading>
          <p className="message-badges">
            <ChannelBadge channel={message.channel} /> <StatusBadge status={message.status} />
            {active && (
              <span className="muted" role="status" data-testid="message-polling">
                {' '}
                {t('messaging.message.live')}
              </span>
            )}
          </p>
        </div>
        {(message.status === 'DRAFT' || canCancel) && (
          <div className="actions">
            {message.status === 'DRAFT' && (
              <Link className="button-link" to={`/messages/${encodeURIComponent(message.id)}/edit`} data-testid="message-edit">
                {t('messaging.message.edit')}
              </Link>
            )}
            {canCancel && (
              <button type="button" className="danger" onClick={() => setCancelling(true)} data-testid="message-cancel">
                {t('messaging.message.cancel')}
              </button>
            )}
          </div>
        )}
      </div>

      <dl className="details message-facts" data-testid="message-facts">
        <Fact label={t('messaging.message.segment')}>{message.segmentName || t('messaging.everyone')}</Fact>
        <Fact label={t('messaging.message.createdAt')}>{formatDateTime(message.createdAt)}</Fact>
        {message.scheduledAt && (
          <Fact label={t('messaging.message.scheduledAt')} testId="message-scheduled-at">
            {formatDateTime(message.scheduledAt)}
          </Fact>
        )}
        {message.sendStartedAt && <Fact label={t('messaging.message.startedAt')}>{formatDateTime(message.sendStartedAt)}</Fact>}
        {message.finishedAt && <Fact label={t('messaging.message.finishedAt')}>{formatDateTime(message.finishedAt)}</Fact>}
        <Fact label={t('messaging.message.campaign')}>{message.campaign ? t('messaging.message.campaignYes') : t('messaging.message.campaignNo')}</Fact>
      </dl>

      {message.status === 'STOPPED' && (
        <div className="error-box" role="alert" data-testid="message-stopped" data-code={message.stopCode ?? ''}>
          <p>
            <strong>{t('messaging.message.stopped')}</strong>{' '}
            {isKnownErrorCode(message.stopCode) ? t(`errorCode.${message.stopCode}`) : null}
          </p>
          {message.stopReason && <p data-testid="message-stop-reason">{message.stopReason}</p>}
        </div>
      )}

      {started && (
        <section aria-labelledby="message-progress-title">
          <h2 id="message-progress-title">{t('messaging.message.progress')}</h2>
          {message.queued > 0 && (
            <p className="message-progress">
              <progress max={message.queued} value={Math.min(done, message.queued)} aria-label={t('messaging.message.progress')} data-testid="message-progress" data-done={done} />{' '}
              {t('messaging.message.processed', { done: formatNumber(done), total: formatNumber(message.queued) })}
            </p>
          )}
          <Audience message={message} />
        </section>
      )}

      <section aria-labelledby="message-stats-title">
        <h2 id="message-stats-title">{t('messaging.message.stats')}</h2>
        <dl className="stat-grid" data-testid="message-stats">
          {STAT_KEYS.map((k) => (
            <div key={k} data-testid="message-stat" data-status={STAT_STATUS[k]} data-value={message.stats[k]}>
              <dt>{t(`messaging.outboxStatus.${STAT_STATUS[k]}`)}</dt>
              <dd>{formatNumber(message.stats[k])}</dd>
            </div>
          ))}
          <div data-testid="message-stat" data-status="TESTS" data-value={message.stats.tests}>
            <dt>{t('messaging.message.tests')}</dt>
            <dd>{formatNumber(message.stats.tests)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="message-preview-title" className="card">
        <h2 id="message-preview-title">{t('messaging.preview.title')}</h2>
        <MessagePreview channel={message.channel} preview={message.preview} reach={started ? message.queued : undefined} />
      </section>

      <section aria-labelledby="message-outbox-title">
        <h2 id="message-outbox-title">{t('messaging.outbox.title')}</h2>
        <div className="filters">
          <label>
            {t('messaging.outbox.status')}
            <select value={status ?? ''} onChange={(e) => update({ status: e.target.value, after: null, before: null })} data-testid="outbox-status-filter">
              <option value="">{t('messaging.outbox.allStatuses')}</option>
              {OUTBOX_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`messaging.outboxStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error && <ErrorMessage error={error} />}
        {outbox.totalCount != null && (
          <p className="count" data-testid="outbox-total" data-total={outbox.totalCount}>
            {t('messaging.outbox.total', { count: outbox.totalCount, formatted: formatNumber(outbox.totalCount) })}
          </p>
        )}
        {rows.length === 0 ? (
          <p data-testid="outbox-empty">{status ? t('messaging.outbox.noneWithStatus') : t('messaging.outbox.none')}</p>
        ) : (
          <OutboxList rows={rows} />
        )}
        <Pager
          pageInfo={outbox.pageInfo}
          loading={loading}
          onPrevious={(before) => update({ before, after: null })}
          onNext={(after) => update({ after, before: null })}
          testId="outbox"
        />
      </section>

      {cancelling && (
        <ConfirmDialog
          title={t('messaging.message.cancelTitle')}
          confirmLabel={cancelState.loading ? t('messaging.message.cancelling') : t('messaging.message.cancelConfirm')}
          cancelLabel={t('messaging.message.keep')}
          busy={cancelState.loading}
          onConfirm={() => void confirmCancel()}
          onCancel={() => {
            setCancelErrors([]);
            setCancelling(false);
          }}
          testId="cancel-message-dialog"
        >
          <p>{message.status === 'SCHEDULED' ? t('messaging.message.cancelScheduled', { at: formatDateTime(message.scheduledAt) }) : t('messaging.message.cancelDraft')}</p>
          <ActionErrors errors={cancelErrors} error={cancelState.error} testId="cancel-message-errors" />
        </ConfirmDialog>
      )}
    </div>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="details-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Who the segment matched when the recipients were queued, and why some were left out. */
function Audience({ message }: { message: Message }) {
  const { t } = useTranslation();
  return (
    <dl className="stat-grid audience" data-testid="message-audience">
      {AUDIENCE_KEYS.map((k) => (
        <div key={k} data-testid={`message-${k}`} data-value={message[k]}>
          <dt>{t(`messaging.message.audience.${k}`)}</dt>
          <dd>{formatNumber(message[k])}</dd>
        </div>
      ))}
    </dl>
  );
}
