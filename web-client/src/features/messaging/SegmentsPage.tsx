import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import type { SegmentFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useIsPhone } from '../../ui/useMediaQuery';
import { ActionErrors } from '../actions/ActionErrors';
import { seesEveryone } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { MessagingNav, NodePicker, NoSendingNode, Pager, ReachCount } from './MessagingParts';
import { nodeOf, nodeQuery, nodeVariables } from './node';
import { pageVariables, readPage } from './paging';
import { DeleteSegmentMutation, MessagesQuery, SegmentsQuery } from './queries';
import { NarrowSegmentsNote } from './SegmentForm';
import { usesNarrowFilters } from './segmentForm';
import { useDefinitionSummary } from './segmentSummary';
import { useMessagingNode } from './useMessagingNode';

export const SEGMENTS_PAGE = 25;

type Segment = SegmentFieldsFragment;

export function segmentEditPath(id: string): string {
  return `/messages/segments/${encodeURIComponent(id)}/edit`;
}

/** The saved segments of a node, by name, each with who it reaches now (`?section=&after=|before=`). */
export function SegmentsPage() {
  const { t } = useTranslation();
  const m = useMessagingNode();
  const { node } = m;
  const { viewer } = useViewer();
  // Whether the viewer sees everyone here (null until known): the others may not change a segment's narrower filters.
  const sees = node && viewer && !m.sectionLoading ? seesEveryone(viewer, node, m.section) : null;
  const page = readPage(m.url);
  const { data, error, loading, refetch } = useQuery(
    SegmentsQuery,
    { ...(node ? nodeVariables(node) : { sectionId: null, federationCode: null }), ...pageVariables(page, SEGMENTS_PAGE) },
    { skip: !node },
  );
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  useDocumentTitle(node ? t('messaging.segments.titleOf', { node: m.label }) : t('messaging.segments.title'));

  if (!node) return <NoSendingNode loading={m.waiting} />;
  const segments = data?.segments ?? null;
  const rows = (segments?.items ?? []).flatMap((s) => (s ? [s] : []));

  return (
    <div className="page segments-page" data-testid="segments-page">
      <div className="page-heading">
        <div>
          <PageHeading>{t('messaging.segments.titleOf', { node: m.label })}</PageHeading>
          <MessagingNav node={node} current="segments" />
        </div>
        {segments && (
          <div className="actions">
            <Link className="button-link" to={`/messages/segments/new${nodeQuery(node)}`} data-testid="segment-new">
              {t('messaging.segments.new')}
            </Link>
          </div>
        )}
      </div>
      <p className="hint">{t('messaging.segments.intro')}</p>
      {sees === false && <NarrowSegmentsNote node={node} nodeName={m.label} />}
      <NodePicker node={node} choices={m.choices} onChoose={m.choose} />

      {deleted && (
        <p className="success" role="status" data-testid="segment-deleted">
          {t('messaging.segments.deleted', { name: deleted })}
        </p>
      )}
      {!data && loading && <p role="status">{t('common.loading')}</p>}
      {error && <ErrorMessage error={error} />}
      {segments &&
        (rows.length === 0 ? (
          <p data-testid="segments-empty">{t('messaging.segments.none')}</p>
        ) : (
          <SegmentList
            rows={rows}
            caption={t('messaging.segments.titleOf', { node: m.label })}
            onDelete={setDeleting}
            editable={(s) => sees !== false || !usesNarrowFilters(s)}
          />
        ))}
      {segments && (
        <Pager
          pageInfo={segments.pageInfo}
          loading={loading}
          onPrevious={(before) => m.update({ before, after: null })}
          onNext={(after) => m.update({ after, before: null })}
          testId="segments"
        />
      )}
      {deleting && (
        <DeleteSegmentDialog
          segment={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleted(deleting.name);
            setDeleting(null);
            refetch();
          }}
        />
      )}
    </div>
  );
}

function SegmentActions({ segment, onDelete, editable }: { segment: Segment; onDelete: (s: Segment) => void; editable: boolean }) {
  const { t } = useTranslation();
  const write = (channel: 'EMAIL' | 'SMS') => `/messages/new${nodeQuery(nodeOf(segment), { channel, segment: segment.id })}`;
  return (
    <div className="actions segment-actions">
      <Link to={write('EMAIL')} className="button-link secondary" data-testid="segment-write-email">
        {t('messaging.segments.writeEmail')}
      </Link>
      <Link to={write('SMS')} className="button-link secondary" data-testid="segment-write-sms">
        {t('messaging.segments.writeSms')}
      </Link>
      {/* A segment made with filters this viewer may not set is read, not edited (FILTER_NOT_ALLOWED). */}
      {editable && (
        <Link to={segmentEditPath(segment.id)} className="button-link secondary" data-testid="segment-edit" aria-label={t('messaging.segments.editOf', { name: segment.name })}>
          {t('messaging.segments.edit')}
        </Link>
      )}
      <button type="button" className="danger" onClick={() => onDelete(segment)} data-testid="segment-delete" aria-label={t('messaging.segments.deleteOf', { name: segment.name })}>
        {t('messaging.segments.delete')}
      </button>
    </div>
  );
}

function Filters({ segment }: { segment: Segment }) {
  const summary = useDefinitionSummary();
  const parts = summary(segment.definition, !!segment.area);
  return (
    <ul className="tags segment-filters" data-testid="segment-filters">
      {parts.map((p) => (
        <li key={p} className="tag">
          {p}
        </li>
      ))}
    </ul>
  );
}

/** Cards on a phone, a table at a desk. */
function SegmentList({
  rows,
  caption,
  onDelete,
  editable,
}: {
  rows: Segment[];
  caption: string;
  onDelete: (s: Segment) => void;
  editable: (s: Segment) => boolean;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  if (phone)
    return (
      <ul className="cards segment-cards" aria-label={caption} data-testid="segments-cards">
        {rows.map((s) => (
          <li key={s.id} className="card-item segment-card" data-testid="segment-row" data-segment-id={s.id}>
            <div className="card-title">
              <Link to={segmentEditPath(s.id)} data-testid="segment-name">
                {s.name}
              </Link>
            </div>
            <ReachCount count={s.count} />
            <Filters segment={s} />
            <SegmentActions segment={s} onDelete={onDelete} editable={editable(s)} />
          </li>
        ))}
      </ul>
    );
  return (
    <table className="data-table segments-table" data-testid="segments-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('messaging.segments.columns.name')}</th>
          <th scope="col">{t('messaging.segments.columns.reach')}</th>
          <th scope="col">{t('messaging.segments.columns.filters')}</th>
          <th scope="col">{t('messaging.segments.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.id} data-testid="segment-row" data-segment-id={s.id}>
            <td>
              <Link to={segmentEditPath(s.id)} data-testid="segment-name">
                {s.name}
              </Link>
              <div className="muted">{t('messaging.segments.updated', { date: formatDate(s.updatedAt) })}</div>
            </td>
            <td>
              <ReachCount count={s.count} />
            </td>
            <td>
              <Filters segment={s} />
            </td>
            <td>
              <SegmentActions segment={s} onDelete={onDelete} editable={editable(s)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Deleting says what goes with it: drafts and scheduled messages written to it lose it (and its drawn area). */
function DeleteSegmentDialog({ segment, onClose, onDeleted }: { segment: Segment; onClose: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [remove, state] = useMutation(DeleteSegmentMutation);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const messages = useQuery(MessagesQuery, { ...nodeVariables(nodeOf(segment)), first: 100, after: null, last: null, before: null });
  const pending = (messages.data?.messages.items ?? []).filter(
    (m) => m && m.segmentId === segment.id && (m.status === 'DRAFT' || m.status === 'SCHEDULED'),
  ).length;

  async function confirm() {
    setErrors([]);
    const payload = (await remove({ id: segment.id }))?.deleteSegment;
    if (!payload) return;
    if (payload.errors.length) setErrors([...payload.errors]);
    else onDeleted();
  }

  return (
    <ConfirmDialog
      title={t('messaging.segments.deleteTitle', { name: segment.name })}
      confirmLabel={state.loading ? t('messaging.segments.deleting') : t('messaging.segments.delete')}
      cancelLabel={t('messaging.segments.keep')}
      busy={state.loading}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      testId="delete-segment-dialog"
    >
      <p>{t('messaging.segments.deleteText')}</p>
      {messages.loading && !messages.data && <p role="status">{t('common.loading')}</p>}
      {pending > 0 && (
        <p className="notice" data-testid="delete-segment-used" data-count={pending}>
          {segment.area ? t('messaging.segments.usedWithArea', { count: pending }) : t('messaging.segments.used', { count: pending })}
        </p>
      )}
      <ActionErrors errors={errors} error={state.error} testId="delete-segment-errors" />
    </ConfirmDialog>
  );
}
