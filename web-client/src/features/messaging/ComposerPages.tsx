import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from '../../api/hooks';
import type { ConsentChannel } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Composer } from './Composer';
import { composerValues, emptyComposerValues } from './composer';
import { NoSendingNode, useNodeName } from './MessagingParts';
import { nodeOf, nodeQuery } from './node';
import { DraftQuery, MessagingSectionQuery } from './queries';
import { useMessagingNode } from './useMessagingNode';

function readChannel(value: string | null): ConsentChannel {
  return value === 'SMS' ? 'SMS' : 'EMAIL';
}

/** What a page says after the composer moved to a draft it saved. */
type Arrival = { note?: 'saved' | 'tested' } | null;

/** A new newsletter or SMS (`?channel=EMAIL|SMS&section=…`, `&segment=` to start with a segment). */
export function NewMessagePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const m = useMessagingNode<'channel' | 'segment'>();
  const channel = readChannel(m.url.get('channel'));
  const title = channel === 'SMS' ? t('messaging.composer.newSms') : t('messaging.composer.newNewsletter');
  useDocumentTitle(title);

  if (!m.node) return <NoSendingNode loading={m.waiting} />;
  // The federation's silences hold over a section: wait for the section to know its federation.
  if (m.sectionLoading) return <p role="status">{t('common.loading')}</p>;
  if (m.sectionError && !m.section) return <ErrorMessage error={m.sectionError} />;
  const back = `/messages${nodeQuery(m.node)}`;
  return (
    <div className="page composer-page" data-testid="new-message-page">
      <p className="breadcrumb">
        <Link to={back}>{t('messaging.messages.titleOf', { node: m.label })}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      <Composer
        key={`${channel}-${m.url.get('segment') ?? ''}`}
        node={m.node}
        channel={channel}
        messageId={null}
        initial={emptyComposerValues(m.url.get('segment') ?? '')}
        federationCode={m.federationCode}
        onCreated={(id, note) => navigate(`/messages/${encodeURIComponent(id)}/edit`, { replace: true, state: { note } satisfies Arrival })}
      />
    </div>
  );
}

/** A draft, written on (`/messages/:id/edit`); once sent or cancelled it is read on its page. */
export function EditMessagePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const arrival = useLocation().state as Arrival;
  const nodeName = useNodeName();
  const { data, error, loading } = useQuery(DraftQuery, { id });
  const message = data?.message ?? null;
  const node = message ? nodeOf(message) : null;
  const sectionId = node?.level === 'SECTION' ? node.sectionId : '';
  const section = useQuery(MessagingSectionQuery, { id: sectionId }, { skip: !sectionId });
  const title = message?.channel === 'SMS' ? t('messaging.composer.editSms') : t('messaging.composer.editNewsletter');
  useDocumentTitle(message ? title : null);

  if ((!data && loading) || (sectionId && !section.data && section.loading)) return <p role="status">{t('common.loading')}</p>;
  if (!message || !node) {
    return error ? (
      <ErrorMessage error={error} />
    ) : (
      <p className="notice" data-testid="message-not-found">
        {t('errorCode.MESSAGE_NOT_FOUND')}
      </p>
    );
  }
  const page = `/messages/${encodeURIComponent(message.id)}`;
  const federationCode = node.level === 'FEDERATION' ? node.federationCode : (section.data?.section?.federation.code ?? null);
  return (
    <div className="page composer-page" data-testid="edit-message-page">
      <p className="breadcrumb">
        <Link to={`/messages${nodeQuery(node)}`}>{t('messaging.messages.titleOf', { node: nodeName(node, section.data?.section?.name) })}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {message.status !== 'DRAFT' ? (
        <p className="notice" data-testid="message-not-draft">
          {t('errorCode.MESSAGE_NOT_DRAFT')} <Link to={page}>{t('messaging.composer.seeMessage')}</Link>
        </p>
      ) : (
        <Composer
          key={message.id}
          node={node}
          channel={message.channel}
          messageId={message.id}
          initial={composerValues(message)}
          federationCode={federationCode}
          notice={arrival?.note ?? null}
          onCreated={(created) => navigate(`/messages/${encodeURIComponent(created)}/edit`, { replace: true })}
        />
      )}
    </div>
  );
}
