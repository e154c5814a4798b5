import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '../../api/hooks';
import type { SaveSegmentInput } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { seesEveryone } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { NoSendingNode, useNodeName } from './MessagingParts';
import { nodeOf, nodeQuery, nodeVariables, type MessagingNode } from './node';
import { MessagingSectionQuery, SaveSegmentMutation, SegmentActionsQuery, SegmentQuery } from './queries';
import { SegmentForm } from './SegmentForm';
import { emptySegmentValues, NOTHING_KEPT, seesWholeList, segmentValues, usesNarrowFilters } from './segmentForm';
import { useDefinitionSummary } from './segmentSummary';
import { useMessagingNode } from './useMessagingNode';

/** How many of a section's actions the form lists to pick from. */
const ACTIONS_LISTED = 100;

/**
 * The section's seat (where the area map starts) and its actions (to pick from); nothing for a federation or the party.
 * And whether the viewer sees everyone there (null until known): the narrower filters are only for them.
 */
function useSectionExtras(node: MessagingNode | null) {
  const { viewer, loading: viewerLoading } = useViewer();
  const sectionId = node?.level === 'SECTION' ? node.sectionId : '';
  const section = useQuery(MessagingSectionQuery, { id: sectionId }, { skip: !sectionId });
  const actions = useQuery(SegmentActionsQuery, { sectionId, first: ACTIONS_LISTED }, { skip: !sectionId });
  const known = !!node && (!sectionId || !!section.data || !!section.error) && (!!viewer || !viewerLoading);
  return {
    seat: section.data?.section?.seatLocation ?? null,
    actions: sectionId ? (actions.data?.actions.items ?? []).flatMap((a) => (a ? [a] : [])) : null,
    sectionName: section.data?.section?.name ?? null,
    seesEveryone: known ? !!viewer && seesEveryone(viewer, node, section.data?.section) : null,
  };
}

export function NewSegmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const m = useMessagingNode();
  const extras = useSectionExtras(m.node);
  const [save, state] = useMutation(SaveSegmentMutation);
  useDocumentTitle(t('messaging.segments.newTitle'));

  if (!m.node) return <NoSendingNode loading={m.waiting} />;
  const node = m.node;
  const back = `/messages/segments${nodeQuery(node)}`;
  if (extras.seesEveryone === null) return <p role="status">{t('common.loading')}</p>;

  async function submit(input: Omit<SaveSegmentInput, 'id' | 'sectionId' | 'federationCode'>) {
    const payload = (await save({ input: { ...input, ...nodeVariables(node) } }))?.saveSegment;
    if (!payload) return undefined;
    if (!payload.errors.length) navigate(back);
    return payload.errors;
  }

  return (
    <div className="page segment-page" data-testid="new-segment-page">
      <p className="breadcrumb">
        <Link to={back}>{t('messaging.segments.titleOf', { node: m.label })}</Link>
      </p>
      <PageHeading>{t('messaging.segments.newTitle')}</PageHeading>
      <SegmentForm
        node={node}
        seat={extras.seat}
        actions={extras.actions}
        initial={emptySegmentValues()}
        kept={NOTHING_KEPT}
        seesEveryone={extras.seesEveryone}
        nodeName={m.label}
        onSubmit={submit}
        requestError={state.error}
        busy={state.loading}
        submitLabel={t('messaging.segments.create')}
        onCancel={() => navigate(back)}
      />
    </div>
  );
}

export function EditSegmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error, loading } = useQuery(SegmentQuery, { id });
  const segment = data?.segment ?? null;
  const node = segment ? nodeOf(segment) : null;
  const extras = useSectionExtras(node);
  const [save, state] = useMutation(SaveSegmentMutation);
  const nodeName = useNodeName();
  const summary = useDefinitionSummary();
  useDocumentTitle(segment ? t('messaging.segments.editTitle', { name: segment.name }) : null);

  if ((!data && loading) || (segment && extras.seesEveryone === null)) return <p role="status">{t('common.loading')}</p>;
  if (!segment || !node) {
    return error ? (
      <ErrorMessage error={error} />
    ) : (
      <p className="notice" data-testid="segment-not-found">
        {t('errorCode.SEGMENT_NOT_FOUND')}
      </p>
    );
  }
  const back = `/messages/segments${nodeQuery(node)}`;
  const name = nodeName(node, extras.sectionName);
  const sees = !!extras.seesEveryone;

  async function submit(input: Omit<SaveSegmentInput, 'id' | 'sectionId' | 'federationCode'>) {
    const payload = (await save({ input: { ...input, id: segment!.id } }))?.saveSegment;
    if (!payload) return undefined;
    if (!payload.errors.length) navigate(back);
    return payload.errors;
  }

  return (
    <div className="page segment-page" data-testid="edit-segment-page">
      <p className="breadcrumb">
        <Link to={back}>{t('messaging.segments.titleOf', { node: name })}</Link>
      </p>
      <PageHeading>{t('messaging.segments.editTitle', { name: segment.name })}</PageHeading>
      {!sees && usesNarrowFilters(segment) ? (
        // Made by someone who sees everyone here: its filters would be refused from this viewer (FILTER_NOT_ALLOWED).
        <>
          <p className="notice" data-testid="segment-narrow-readonly">
            {t('messaging.segments.narrowReadOnly')}
          </p>
          <ul className="tags segment-filters" data-testid="segment-filters">
            {summary(segment.definition, !!segment.area).map((p) => (
              <li key={p} className="tag">
                {p}
              </li>
            ))}
          </ul>
        </>
      ) : segment.definition.personCount > 0 && !seesWholeList(segment.definition) ? (
        // The API lists back only the picked people the viewer sees: saving from here would drop the others.
        <p className="notice" data-testid="segment-static-list">
          {t('messaging.segments.staticList', { count: segment.definition.personCount, seen: segment.definition.personIds.length })}
        </p>
      ) : (
        <SegmentForm
          node={node}
          seat={extras.seat}
          actions={extras.actions}
          initial={segmentValues(segment)}
          kept={{ area: segment.area, sectionIds: [...segment.definition.sectionIds], personIds: [...segment.definition.personIds] }}
          seesEveryone={sees}
          nodeName={name}
          onSubmit={submit}
          requestError={state.error}
          busy={state.loading}
          submitLabel={t('messaging.segments.save')}
          onCancel={() => navigate(back)}
        />
      )}
    </div>
  );
}
