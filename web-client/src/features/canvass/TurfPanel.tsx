import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import type { ActionDetailsFieldsFragment, TurfShareSummaryFieldsFragment } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { ActionErrors } from '../actions/ActionErrors';
import { saveShare } from './offlineStore';
import { CheckOutTurfShareMutation, ReleaseTurfShareMutation, SplitTurfMutation, TurfSharesQuery } from './queries';

/** The API cuts a turf into at most 100 shares. */
export const MAX_SHARES = 100;

const sharePath = (id: string) => `/shares/${encodeURIComponent(id)}`;

/**
 * A door-to-door's turf on its page. Those who run it cut it into shares (one per confirmed participant by default),
 * see who holds each and how far they got (all in the shares' summary), and release a share; a confirmed participant takes the first free share,
 * or goes back to theirs.
 */
export function TurfPanel({ action }: { action: ActionDetailsFieldsFragment }) {
  const { t } = useTranslation();
  const runs = action.viewerManages || action.viewerOrganizes;
  const confirmed = action.viewerParticipation === 'CONFIRMED';
  const shares = useQuery(TurfSharesQuery, { actionId: action.id }, { skip: !runs && !confirmed });
  if (!runs && !confirmed) return null;
  return (
    <section className="turf-panel card" aria-labelledby="turf-title" data-testid="turf-panel">
      <h2 id="turf-title">{t('canvass.turf.title')}</h2>
      {shares.error && !shares.data && <ErrorMessage error={shares.error} />}
      {shares.data &&
        (runs ? (
          <TurfSplit action={action} shares={shares.data.turfShares} onChange={(turfShares) => shares.setData({ turfShares })} refetch={shares.refetch} />
        ) : (
          <MyShare action={action} shares={shares.data.turfShares} />
        ))}
    </section>
  );
}

interface SplitProps {
  action: ActionDetailsFieldsFragment;
  shares: readonly TurfShareSummaryFieldsFragment[];
  onChange: (shares: TurfShareSummaryFieldsFragment[]) => void;
  refetch: () => void;
}

/** Cutting the turf, and its shares with holder and progress. */
export function TurfSplit({ action, shares, onChange, refetch }: SplitProps) {
  const { t } = useTranslation();
  const [count, setCount] = useState(String(Math.min(MAX_SHARES, Math.max(1, action.attendance.confirmed))));
  const [split, splitState] = useMutation(SplitTurfMutation);
  const [release, releaseState] = useMutation(ReleaseTurfShareMutation);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [confirmSplit, setConfirmSplit] = useState(false);
  const [releasing, setReleasing] = useState<TurfShareSummaryFieldsFragment | null>(null);
  const open = action.status !== 'CANCELLED' && action.status !== 'DONE';
  const inUse = shares.some((s) => s.checkedOut);
  const n = /^\d+$/.test(count.trim()) ? Number(count.trim()) : NaN;
  const valid = n >= 1 && n <= MAX_SHARES;

  async function doSplit() {
    setErrors([]);
    setConfirmSplit(false);
    const payload = (await split({ actionId: action.id, shares: n }))?.splitTurf;
    if (!payload) return;
    if (payload.errors.length) setErrors(payload.errors);
    else if (payload.split) onChange(payload.split.shares);
  }

  async function doRelease(share: TurfShareSummaryFieldsFragment) {
    setErrors([]);
    const payload = (await release({ shareId: share.id }))?.releaseTurfShare;
    setReleasing(null);
    if (!payload) return;
    if (payload.errors.length) setErrors(payload.errors);
    else refetch();
  }

  return (
    <div data-testid="turf-split">
      {open && (
        <form
          className="split-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!valid) return;
            // Cutting again replaces the shares: said first.
            if (shares.length) setConfirmSplit(true);
            else void doSplit();
          }}
          noValidate
        >
          <label className="field">
            {t('canvass.turf.shareCount')}
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_SHARES}
              value={count}
              onChange={(e) => setCount(e.target.value)}
              aria-invalid={!valid ? true : undefined}
              aria-describedby="turf-count-hint"
              data-testid="turf-share-count"
            />
            <span className="hint" id="turf-count-hint">
              {valid ? t('canvass.turf.shareCountHint', { count: action.attendance.confirmed }) : t('canvass.turf.shareCountInvalid', { max: MAX_SHARES })}
            </span>
          </label>
          <button type="submit" className="big" disabled={!valid || inUse || splitState.loading} data-testid="turf-split-submit">
            {shares.length ? t('canvass.turf.splitAgain') : t('canvass.turf.split')}
          </button>
          {inUse && <p className="hint" data-testid="turf-split-in-use">{t('canvass.turf.inUse')}</p>}
        </form>
      )}
      <ActionErrors errors={errors} error={splitState.error ?? releaseState.error} testId="turf-errors" />
      {shares.length === 0 ? (
        <p className="muted" data-testid="turf-no-shares">{t('canvass.turf.noShares')}</p>
      ) : (
        <ul className="cards share-cards" data-testid="turf-shares">
          {shares.map((s) => (
            <li key={s.id} className="card-item share" data-testid="turf-share" data-share-id={s.id} data-checked-out={s.checkedOut}>
              <div className="share-head">
                <Link to={sharePath(s.id)} className="share-name" data-testid="turf-share-link">
                  {t('canvass.turf.share', { number: s.number })}
                </Link>
                <span className="muted">{t('canvass.turf.size', { addresses: s.addresses, doors: s.doors })}</span>
              </div>
              {s.checkedOut ? (
                <>
                  <ShareProgress share={s} />
                  {open && (
                    <button type="button" className="danger" onClick={() => setReleasing(s)} data-testid="turf-share-release">
                      {t('canvass.turf.release')}
                    </button>
                  )}
                </>
              ) : (
                <span className="badge" data-testid="turf-share-free">
                  {s.releasedAt ? t('canvass.turf.freeAgain') : t('canvass.turf.free')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {confirmSplit && (
        <ConfirmDialog
          title={t('canvass.turf.splitAgainTitle')}
          confirmLabel={t('canvass.turf.splitAgain')}
          cancelLabel={t('canvass.turf.keepShares')}
          busy={splitState.loading}
          onConfirm={() => void doSplit()}
          onCancel={() => setConfirmSplit(false)}
          testId="split-dialog"
        >
          <p>{t('canvass.turf.splitAgainText', { count: shares.length, next: n })}</p>
        </ConfirmDialog>
      )}
      {releasing && (
        <ConfirmDialog
          title={t('canvass.turf.releaseTitle', { number: releasing.number })}
          confirmLabel={t('canvass.turf.release')}
          cancelLabel={t('canvass.walk.keep')}
          busy={releaseState.loading}
          onConfirm={() => void doRelease(releasing)}
          onCancel={() => setReleasing(null)}
          testId="release-dialog"
        >
          <p>{t('canvass.walk.releaseText')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

/** Who holds a share (for those who run the action) and how many of its doors are reported: from the summary. */
function ShareProgress({ share }: { share: TurfShareSummaryFieldsFragment }) {
  const { t } = useTranslation();
  const holder = share.heldByViewer ? t('canvass.turf.heldByYou') : (share.holderName ?? t('canvass.turf.taken'));
  return (
    <span
      className="share-progress"
      data-testid="turf-share-progress"
      data-reported={share.doorsReported}
      data-doors={share.doors}
      data-held-by-viewer={share.heldByViewer ? 'true' : undefined}
    >
      <span className="share-holder" data-testid="turf-share-holder">
        {holder}
      </span>{' '}
      <span className="muted">{t('canvass.walk.progress', { done: share.doorsReported, doors: share.doors })}</span>
      <progress max={Math.max(1, share.doors)} value={share.doorsReported} aria-hidden="true" />
    </span>
  );
}

/** A confirmed participant: their share, or a button taking the first free one. */
function MyShare({ action, shares }: { action: ActionDetailsFieldsFragment; shares: readonly TurfShareSummaryFieldsFragment[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [take, takeState] = useMutation(CheckOutTurfShareMutation);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const mine = shares.find((s) => s.heldByViewer);
  const free = shares.filter((s) => !s.checkedOut);

  async function takeShare() {
    setErrors([]);
    const payload = (await take({ actionId: action.id, shareId: null }))?.checkOutTurfShare;
    if (!payload) return;
    if (payload.errors.length) setErrors(payload.errors);
    else if (payload.share) {
      await saveShare(payload.share).catch(() => undefined);
      navigate(sharePath(payload.share.id));
    }
  }

  return (
    <div data-testid="my-share">
      {mine ? (
        <p>
          <Link to={sharePath(mine.id)} className="button-link big" data-testid="my-share-link">
            {t('canvass.turf.openMine', { number: mine.number })}
          </Link>
        </p>
      ) : shares.length === 0 ? (
        <p className="muted" data-testid="turf-not-split">{t('canvass.turf.notSplit')}</p>
      ) : action.status === 'PUBLISHED' && free.length > 0 ? (
        <button type="button" className="big" onClick={() => void takeShare()} disabled={takeState.loading} data-testid="take-share">
          {t('canvass.turf.take')}
        </button>
      ) : (
        <p className="muted" data-testid="turf-all-taken">{t('canvass.turf.allTaken')}</p>
      )}
      <ActionErrors errors={errors} error={takeState.error} testId="take-share-errors" />
    </div>
  );
}
