import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConsentChannel, MessageStatus, OutboxStatus, SegmentCountFieldsFragment } from '../../gql/graphql';
import { formatNumber } from '../../i18n/format';
import { PageHeading } from '../../ui/PageHeading';
import { nodeKey, nodeQuery, type MessagingNode, type NodeChoice } from './node';

/** Where messages are sent from, when the viewer sends from several places. */
export function NodePicker({ node, choices, onChoose }: { node: MessagingNode; choices: readonly NodeChoice[]; onChoose: (node: MessagingNode) => void }) {
  const { t } = useTranslation();
  if (choices.length < 2) return null;
  return (
    <div className="filters node-picker">
      <label className="grow">
        {t('messaging.sendFrom')}
        <select
          value={nodeKey(node)}
          onChange={(e) => {
            const chosen = choices.find((c) => nodeKey(c.node) === e.target.value);
            if (chosen) onChoose(chosen.node);
          }}
          data-testid="messaging-node"
        >
          {choices.map((c) => (
            <option key={nodeKey(c.node)} value={nodeKey(c.node)}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function ChannelBadge({ channel }: { channel: ConsentChannel }) {
  const { t } = useTranslation();
  return (
    <span className={`badge channel-${channel}`} data-testid="message-channel" data-channel={channel}>
      {t(`messaging.channel.${channel}`)}
    </span>
  );
}

export function StatusBadge({ status, testId = 'message-status' }: { status: MessageStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge message-status status-${status}`} data-testid={testId} data-status={status}>
      {t(`messaging.status.${status}`)}
    </span>
  );
}

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge outbox-status outbox-${status}`} data-testid="outbox-row-status" data-status={status}>
      {t(`messaging.outboxStatus.${status}`)}
    </span>
  );
}

/** A count of people: "fewer than 5" when the API hides it (0 to 4, to a viewer who does not see everyone here). */
export function useCountText() {
  const { t } = useTranslation();
  return (value: number | null | undefined) => (value == null ? t('messaging.count.hidden') : formatNumber(value));
}

/** "12 people · 8 by email · 5 by SMS", as a segment (or the filters being edited) reaches now. */
export function ReachCount({ count, testId = 'segment-count' }: { count: SegmentCountFieldsFragment; testId?: string }) {
  const { t } = useTranslation();
  const text = useCountText();
  const hintId = useId();
  const anyHidden = count.matched == null || count.emailReachable == null || count.smsReachable == null;
  return (
    <span
      className="reach-count"
      data-testid={testId}
      data-matched={count.matched ?? ''}
      data-email={count.emailReachable ?? ''}
      data-sms={count.smsReachable ?? ''}
      aria-describedby={anyHidden ? hintId : undefined}
    >
      {count.matched == null ? t('messaging.count.peopleHidden') : t('messaging.count.people', { count: count.matched, formatted: formatNumber(count.matched) })}
      {' · '}
      {t('messaging.count.email', { value: text(count.emailReachable) })}
      {' · '}
      {t('messaging.count.sms', { value: text(count.smsReachable) })}
      {anyHidden && (
        <span id={hintId} className="visually-hidden">
          {t('messaging.count.hiddenNote')}
        </span>
      )}
    </span>
  );
}

interface PagerProps {
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
  loading: boolean;
  onPrevious: (cursor: string) => void;
  onNext: (cursor: string) => void;
  /** `<testId>-prev`, `<testId>-next`. */
  testId: string;
}

export function Pager({ pageInfo, loading, onPrevious, onNext, testId }: PagerProps) {
  const { t } = useTranslation();
  if (!pageInfo.hasNextPage && !pageInfo.hasPreviousPage) return null;
  return (
    <nav className="pager" aria-label={t('people.pages')}>
      <button
        type="button"
        onClick={() => pageInfo.startCursor && onPrevious(pageInfo.startCursor)}
        disabled={!pageInfo.hasPreviousPage || !pageInfo.startCursor || loading}
        data-testid={`${testId}-prev`}
      >
        {t('people.previous')}
      </button>
      <button
        type="button"
        onClick={() => pageInfo.endCursor && onNext(pageInfo.endCursor)}
        disabled={!pageInfo.hasNextPage || !pageInfo.endCursor || loading}
        data-testid={`${testId}-next`}
      >
        {t('people.next')}
      </button>
    </nav>
  );
}

/** The messaging pages of a node, one tap from each other. */
export function MessagingNav({ node, current }: { node: MessagingNode; current: 'messages' | 'segments' | 'template' }) {
  const { t } = useTranslation();
  const query = nodeQuery(node);
  const links = [
    { key: 'messages', to: `/messages${query}`, label: t('messaging.messages.title') },
    { key: 'segments', to: `/messages/segments${query}`, label: t('messaging.segments.title') },
    // A newsletter template belongs to a section.
    ...(node.level === 'SECTION' ? [{ key: 'template', to: `/messages/template${query}`, label: t('messaging.template.title') }] : []),
  ];
  return (
    <nav className="sub-nav" aria-label={t('messaging.nav')}>
      {links.map((l) =>
        l.key === current ? (
          <span key={l.key} aria-current="page">
            {l.label}
          </span>
        ) : (
          <Link key={l.key} to={l.to} data-testid={`messaging-link-${l.key}`}>
            {l.label}
          </Link>
        ),
      )}
    </nav>
  );
}

/** The viewer sends from nowhere (or their rights are still loading). */
export function NoSendingNode({ loading }: { loading: boolean }) {
  const { t } = useTranslation();
  if (loading) return <p role="status">{t('common.loading')}</p>;
  return (
    <div className="page">
      <PageHeading>{t('messaging.messages.title')}</PageHeading>
      <p className="notice" data-testid="messaging-forbidden">
        {t('messaging.forbidden')}
      </p>
    </div>
  );
}

/** A node's name where only the node is known: the section's name once read, the federation's code, the party. */
export function useNodeName() {
  const { t } = useTranslation();
  return (node: MessagingNode, sectionName?: string | null) =>
    node.level === 'SECTION' ? (sectionName ?? '…') : node.level === 'FEDERATION' ? t('messaging.federationCode', { code: node.federationCode }) : t('messaging.party');
}
