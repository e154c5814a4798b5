import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { downloadWithToken } from '../../api/download';
import type { ApiError } from '../../api/errors';
import { useMutation, useQuery } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import type { DoorOutcome, WalkListFieldsFragment } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ActionErrors } from '../actions/ActionErrors';
import { formatInstant } from '../actions/actionTime';
import { emptyContact, reportPayload, type ReportValues } from './doorReport';
import { forgetShare, loadShare, queueReport, removeReports, saveShare, type CachedShare, type QueuedReport } from './offlineStore';
import { ReleaseTurfShareMutation, TurfShareQuery } from './queries';
import { ReportQueue } from './ReportQueue';
import { ReportSheet } from './ReportSheet';
import { syncReports } from './sync';
import { newClientId, useOnline, useReportQueue } from './useReportQueue';
import { doorState, groupByStreet, houseNumber } from './walkList';
import { DoorCountEditor, type SavedBuilding } from './DoorCountEditor';

/** Failures that say the copy on the phone may still be right: no network, or the server unreachable. */
function unreachable(error: ApiError | undefined): boolean {
  return !!error && (error.hasCode('NETWORK') || error.hasCode('HTTP'));
}

interface OpenDoor {
  doorId: string;
  where: string;
  /** A refused report being fixed. */
  fixing?: QueuedReport;
}

/**
 * A share's walk list, in walking order, street by street: tap a door to say what happened. Reports go to the phone's
 * queue first and are sent from there; the list itself is kept on the phone, so it opens again without network.
 */
export function WalkListPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const online = useOnline();
  const net = useQuery(TurfShareQuery, { id });
  const [cached, setCached] = useState<CachedShare | null | undefined>(undefined);
  const { reports, pending, rejected } = useReportQueue(id);
  const [open, setOpen] = useState<OpenDoor | null>(null);
  const [confirmRelease, setConfirmRelease] = useState(false);
  const [release, releaseState] = useMutation(ReleaseTurfShareMutation);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [pdfError, setPdfError] = useState<ApiError | undefined>();
  const [pdfBusy, setPdfBusy] = useState(false);
  // Outcomes reported from this page: a report sent (and so gone from the queue) still shows on its door.
  const [seen, setSeen] = useState<Record<string, DoorOutcome>>({});
  useEffect(() => {
    if (reports.length) setSeen((s) => ({ ...s, ...Object.fromEntries(reports.map((r) => [r.doorId, r.outcome])) }));
  }, [reports]);

  useEffect(() => {
    let live = true;
    loadShare(id).then(
      (c) => live && setCached(c),
      () => live && setCached(null),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const fresh = net.data?.turfShare ?? null;
  useEffect(() => {
    if (fresh) void saveShare(fresh).catch(() => undefined);
    // The API no longer gives this share to the viewer (released, split again): the copy goes too.
    else if (!net.loading && net.error && !unreachable(net.error)) void forgetShare(id).catch(() => undefined);
  }, [fresh, net.loading, net.error, id]);

  const offlineCopy = !fresh && (net.loading || unreachable(net.error)) ? (cached ?? null) : null;
  const share: WalkListFieldsFragment | null = fresh ?? offlineCopy?.share ?? null;
  useDocumentTitle(share ? t('canvass.walk.title', { number: share.number, title: share.action.title }) : net.loading ? null : t('canvass.walk.notFound'));

  if (!share) {
    if (net.loading || cached === undefined) return <p role="status">{t('common.loading')}</p>;
    return (
      <div className="page" data-testid="walk-list-not-found">
        <PageHeading>{t('canvass.walk.notFound')}</PageHeading>
        {net.error ? <ErrorMessage error={net.error} /> : <p className="notice">{t('canvass.walk.notFoundText')}</p>}
      </div>
    );
  }

  const questions = share.action.questions;
  const doorsDone = share.addresses.reduce(
    (n, a) => n + a.buildings.reduce((m, b) => m + b.doors.filter((d) => d.outcome || seen[d.id]).length, 0),
    0,
  );
  const runs = share.action.viewerManages || share.action.viewerOrganizes;
  const canRelease = share.checkedOut && (share.heldByViewer || runs);
  const actionPath = `/actions/${encodeURIComponent(share.action.id)}`;
  // Door counts are entered online only, on the share from the API, by its holder or those who run the action.
  const countEditable = online && !!fresh && (share.heldByViewer || runs);

  /** A building's new doors (its count entered): the share's total follows, and the copy kept on the phone too. */
  function buildingSaved(saved: SavedBuilding) {
    if (!fresh) return;
    let delta = 0;
    const addresses = fresh.addresses.map((a) => ({
      ...a,
      buildings: a.buildings.map((b) => {
        if (b.id !== saved.id) return b;
        delta += saved.doors.length - b.doors.length;
        return { ...b, doorCount: saved.doorCount, doors: saved.doors };
      }),
    }));
    net.setData({ turfShare: { ...fresh, doors: fresh.doors + delta, addresses } });
  }

  async function save(values: ReportValues) {
    if (!open || !share) return;
    const payload = reportPayload(values, questions);
    const report: QueuedReport = {
      clientId: newClientId(),
      actionId: share.action.id,
      shareId: share.id,
      doorId: open.doorId,
      where: open.where,
      outcome: values.outcome!,
      ...payload,
      visitedAt: open.fixing?.visitedAt ?? new Date().toISOString(),
      queuedAt: new Date().toISOString(),
      state: 'pending',
    };
    await queueReport(report);
    // A fixed report replaces the refused one (under a new id: the API kept nothing of it).
    if (open.fixing) await removeReports([open.fixing.clientId]);
    setOpen(null);
    void syncReports();
  }

  async function downloadPdf() {
    if (!share) return;
    setPdfError(undefined);
    setPdfBusy(true);
    try {
      await downloadWithToken(share.pdfUrl, `walk-list-${share.number}.pdf`);
    } catch (e) {
      setPdfError(e as ApiError);
    } finally {
      setPdfBusy(false);
    }
  }

  async function doRelease() {
    if (!share) return;
    setErrors([]);
    const payload = (await release({ shareId: share.id }))?.releaseTurfShare;
    setConfirmRelease(false);
    if (!payload) return;
    if (payload.errors.length) setErrors(payload.errors);
    else {
      await forgetShare(share.id).catch(() => undefined);
      navigate(actionPath);
    }
  }

  return (
    <article className="page walk-list" data-testid="walk-list" data-share-id={share.id}>
      <p className="breadcrumb">
        <Link to={actionPath}>{share.action.title}</Link>
      </p>
      <PageHeading>{t('canvass.walk.heading', { number: share.number })}</PageHeading>
      <p className="walk-progress" data-testid="walk-progress" data-done={doorsDone} data-doors={share.doors}>
        {t('canvass.walk.progress', { done: doorsDone, doors: share.doors })}
        {share.holderName && !share.heldByViewer && <span className="muted"> · {t('canvass.walk.heldBy', { name: share.holderName })}</span>}
      </p>
      {offlineCopy && (
        <p className="notice" data-testid="walk-offline-copy">
          {t('canvass.walk.offlineCopy', { at: formatInstant(offlineCopy.savedAt, share.action.timeZone) })}
        </p>
      )}
      <ReportQueue
        pending={pending}
        rejected={rejected}
        onFix={(r) => setOpen({ doorId: r.doorId, where: r.where, fixing: r })}
      />

      <div className="actions walk-tools">
        <button type="button" className="secondary" onClick={() => void downloadPdf()} disabled={!online || pdfBusy} data-testid="walk-pdf">
          {pdfBusy ? t('canvass.walk.pdfBusy') : t('canvass.walk.pdf')}
        </button>
        {canRelease && (
          <button type="button" className="danger" onClick={() => setConfirmRelease(true)} disabled={!online} data-testid="walk-release">
            {t('canvass.walk.release')}
          </button>
        )}
      </div>
      {pdfError && <ErrorMessage error={pdfError} />}
      <ActionErrors errors={errors} error={releaseState.error} testId="walk-errors" />

      {share.addresses.length === 0 && <p className="notice" data-testid="walk-empty">{t('canvass.walk.empty')}</p>}
      {groupByStreet(share.addresses).map((group, gi) => (
        <section key={`${group.street}-${gi}`} className="street" data-testid="street">
          <h2 className="street-name">{group.street}</h2>
          <ul className="addresses">
            {group.addresses.map((a) => (
              <li key={a.label} className="address" data-testid="address">
                <h3 className="address-number">{houseNumber(a)}</h3>
                {a.buildings.length === 0 && <p className="muted">{t('canvass.walk.noDoor')}</p>}
                {a.buildings.map((b) => (
                  <div key={b.id} className="building" data-testid="building" data-building-id={b.id}>
                    <div className="building-head">
                      {b.label && <p className="building-label">{b.label}</p>}
                      <DoorCountEditor actionId={share.action.id} building={b} editable={countEditable} onSaved={buildingSaved} />
                    </div>
                    <ul className="doors">
                      {b.doors.map((d) => {
                        const state = doorState(d.id, seen[d.id] ?? d.outcome ?? null, reports);
                        const where = [`${houseNumber(a)} ${a.street}`, b.label, d.label].filter(Boolean).join(' · ');
                        return (
                          <li key={d.id}>
                            <button
                              type="button"
                              className={`door${state.outcome ? ' reported' : ''}${state.rejected ? ' refused' : ''}`}
                              onClick={() => setOpen({ doorId: d.id, where })}
                              data-testid="door"
                              data-door-id={d.id}
                              data-outcome={state.outcome ?? ''}
                              data-waiting={state.waiting ? 'true' : undefined}
                            >
                              <span className="door-label">{d.label}</span>
                              {state.outcome && <span className="door-outcome">{t(`canvass.outcome.${state.outcome}`)}</span>}
                              {state.waiting && <span className="door-waiting">{t('canvass.walk.doorWaiting')}</span>}
                              {state.rejected && <span className="door-waiting error">{t('canvass.walk.doorRefused')}</span>}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ))}

      {open && (
        <ReportSheet
          where={open.where}
          questions={questions}
          initial={open.fixing ? valuesOf(open.fixing) : undefined}
          onSave={save}
          onClose={() => setOpen(null)}
        />
      )}
      {confirmRelease && (
        <ConfirmDialog
          title={t('canvass.walk.releaseTitle', { number: share.number })}
          confirmLabel={t('canvass.walk.release')}
          cancelLabel={t('canvass.walk.keep')}
          busy={releaseState.loading}
          onConfirm={() => void doRelease()}
          onCancel={() => setConfirmRelease(false)}
          testId="release-dialog"
        >
          <p>{t('canvass.walk.releaseText')}</p>
          {pending.length > 0 && <p>{t('canvass.walk.releaseWaiting', { count: pending.length })}</p>}
        </ConfirmDialog>
      )}
    </article>
  );
}

/** A queued report back into the sheet's values, to fix it. */
function valuesOf(r: QueuedReport): ReportValues {
  return {
    outcome: r.outcome,
    answers: Object.fromEntries(r.answers.map((a) => [a.questionId, a.value])),
    note: r.note ?? '',
    contact: r.contact
      ? {
          firstName: r.contact.firstName,
          lastName: r.contact.lastName ?? '',
          email: r.contact.email ?? '',
          phone: r.contact.phone ?? '',
          consentGiven: r.contact.consentGiven,
        }
      : emptyContact,
  };
}
