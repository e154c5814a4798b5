import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorEntries } from '../../api/errors';
import { useDebouncedValue, useMutation, useQuery } from '../../api/hooks';
import { splitPayloadErrors, toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import type { ConsentChannel, SegmentCountFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useErrorText } from '../../ui/errorText';
import { Field } from '../../ui/Field';
import { FieldErrors, GeneralErrors } from '../../ui/FieldErrors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { ActionErrors } from '../actions/ActionErrors';
import { ElectoralSilencesQuery } from '../actions/queries';
import { sendsNationally } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import {
  COMPOSER_PATHS,
  composeInput,
  isoToLocalTime,
  localComposerErrors,
  localTimeToIso,
  MAX_SCHEDULE_DAYS,
  MAX_TESTS_PER_DAY,
  mayBeNotCampaign,
  scheduleErrors,
  type ComposerValues,
} from './composer';
import { MessagePreview } from './MessagePreview';
import { mentionsStop, unknownVariables, VARIABLES } from './messageText';
import { ReachCount, useCountText } from './MessagingParts';
import { nodeVariables, type MessagingNode } from './node';
import {
  ComposeMessageMutation,
  MessagePreviewQuery,
  SegmentCountQuery,
  SegmentsQuery,
  SendMessageMutation,
  TestSendMessageMutation,
} from './queries';

export const FORM = 'composer';
/** The preview is asked again after a pause in typing. */
export const PREVIEW_DEBOUNCE_MS = 500;
/** The segments offered: the node's first hundred, by name. */
const SEGMENTS_LISTED = 100;

type Dialog = { kind: 'now' } | { kind: 'schedule'; at: string } | null;

interface Props {
  node: MessagingNode;
  channel: ConsentChannel;
  /** The draft being changed; null for a new one (saved on the first save). */
  messageId: string | null;
  initial: ComposerValues;
  /** The federation whose electoral silences hold over the node (null: the party, national silences only). */
  federationCode: string | null;
  /** A new draft was saved: the page moves to it (`tested`: a test was sent too). */
  onCreated: (id: string, note: 'saved' | 'tested') => void;
  /** What the page says after a navigation (a draft saved, a test sent). */
  notice?: 'saved' | 'tested' | null;
}

/** Writing a newsletter or an SMS: its audience, its text with a live preview, then a test, a send or a schedule. */
export function Composer({ node, channel, messageId, initial, federationCode, onCreated, notice = null }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const countText = useCountText();
  const { viewer } = useViewer();
  const nationally = !!viewer && sendsNationally(viewer);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [status, setStatus] = useState<'saved' | 'tested' | null>(notice);
  // The API said the viewer sent their tests of the day (TOO_MANY_TESTS): no more is offered.
  const [testsUsedUp, setTestsUsedUp] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogErrors, setDialogErrors] = useState<PayloadError[]>([]);
  // A new draft is saved once: a test or a send refused after its first save must not make another draft.
  const [savedId, setSavedId] = useState<string | null>(messageId);
  const [formRef, focusFirstError] = useFocusFirstError<HTMLFormElement>();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const set = (patch: Partial<ComposerValues>) => {
    setStatus(null);
    setValues((v) => ({ ...v, ...patch }));
  };
  const split = splitPayloadErrors(errors, COMPOSER_PATHS);

  const [compose, composeState] = useMutation(ComposeMessageMutation);
  const [testSend, testState] = useMutation(TestSendMessageMutation);
  const [send, sendState] = useMutation(SendMessageMutation);
  const busy = composeState.loading || testState.loading || sendState.loading;
  const requestError = composeState.error ?? testState.error ?? sendState.error;

  // The audience: a saved segment, or everyone the node sends to; what it reaches now on this channel.
  const segments = useQuery(SegmentsQuery, { ...nodeVariables(node), first: SEGMENTS_LISTED, after: null, last: null, before: null });
  const segmentList = (segments.data?.segments.items ?? []).flatMap((s) => (s ? [s] : []));
  const everyone = useQuery(SegmentCountQuery, { ...nodeVariables(node), definition: {} }, { skip: !!values.segmentId });
  const chosen = segmentList.find((s) => s.id === values.segmentId);
  const count: SegmentCountFieldsFragment | null = values.segmentId ? (chosen?.count ?? null) : (everyone.data?.segmentCount ?? null);
  const reach = count ? (channel === 'EMAIL' ? count.emailReachable : count.smsReachable) : undefined;
  const nobody = reach === 0;
  // Hidden (null): fewer than 5, to a viewer who does not see everyone here; nor may they send to so few (SEGMENT_TOO_SMALL).
  const tooSmall = !!count && reach == null;

  // Only a message to members alone, or the national team's, may be marked as not campaigning (else CAMPAIGN_REQUIRED).
  const campaignOptional = nationally || mayBeNotCampaign(chosen?.definition.kinds ?? []);
  const campaign = values.campaign || !campaignOptional;

  // Electoral silence over the node: a campaign message is not sent (the API refuses: ELECTORAL_SILENCE).
  const silences = useQuery(ElectoralSilencesQuery, {});
  const silenceAt = (at: number) =>
    silences.data?.electoralSilences.find(
      (s) => Date.parse(s.startsAt) <= at && at < Date.parse(s.endsAt) && (s.scope === 'FR' || (!!federationCode && s.scope === federationCode)),
    ) ?? null;
  const silenceNow = campaign ? silenceAt(Date.now()) : null;

  // The live preview, once the typing pauses; an unknown variable is said here rather than asked to the API.
  const text = useMemo(() => ({ subject: values.subject, body: values.body }), [values.subject, values.body]);
  const typed = useDebouncedValue(text, PREVIEW_DEBOUNCE_MS);
  const unknown = unknownVariables(`${typed.body} ${channel === 'EMAIL' ? typed.subject : ''}`);
  const preview = useQuery(
    MessagePreviewQuery,
    { ...nodeVariables(node), channel, subject: channel === 'EMAIL' ? typed.subject : null, body: typed.body },
    { skip: !typed.body.trim() || unknown.length > 0 },
  );
  const shown = typed.body.trim() && !unknown.length ? (preview.data?.messagePreview ?? null) : null;
  const smsSegments = shown?.sms?.segments ?? null;
  // The text the preview refused, by the field's own code (extensions.data.fields): said next to that field too.
  const previewErrors = typed.body.trim() && !unknown.length ? errorEntries(preview.error) : [];
  const previewSplit = splitPayloadErrors(previewErrors, COMPOSER_PATHS);
  const errorsOf = (path: (typeof COMPOSER_PATHS)[number]) => {
    const all = [...(split.byField[path] ?? []), ...(previewSplit.byField[path] ?? [])];
    const once = all.filter((e, i) => all.findIndex((o) => o.code === e.code) === i);
    return once.length ? once : undefined;
  };

  function insert(variable: string) {
    const box = bodyRef.current;
    const token = `{{${variable}}}`;
    const start = box?.selectionStart ?? values.body.length;
    const end = box?.selectionEnd ?? values.body.length;
    set({ body: values.body.slice(0, start) + token + values.body.slice(end) });
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  /** Whether the draft passes the composer's own checks; if not, its errors are shown and focus goes to the first. */
  function checked(extra: PayloadError[] = []): boolean {
    const local = [...localComposerErrors(values, channel, smsSegments), ...extra];
    setErrors(local);
    if (local.length) focusFirstError();
    return local.length === 0;
  }

  /** Saves the draft; resolves with its id, or null when it was refused (errors shown, focus on the first). */
  async function save(): Promise<string | null> {
    if (!checked()) return null;
    const payload = (await compose({ input: composeInput({ ...values, campaign }, channel, node, savedId, nationally) }))?.composeMessage;
    if (!payload?.message || payload.errors.length) {
      setErrors(toPayloadErrors(payload?.errors ?? []));
      focusFirstError();
      return null;
    }
    setSavedId(payload.message.id);
    return payload.message.id;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const id = await save();
    if (!id) return;
    if (!messageId) onCreated(id, 'saved');
    else setStatus('saved');
  }

  async function sendTest() {
    const id = await save();
    if (!id) return;
    const payload = (await testSend({ messageId: id }))?.testSendMessage;
    if (payload?.errors.length) {
      if (payload.errors.some((e) => e.code === 'TOO_MANY_TESTS')) setTestsUsedUp(true);
      setErrors(toPayloadErrors(payload.errors));
      focusFirstError();
      return;
    }
    if (!payload) return;
    if (!messageId) onCreated(id, 'tested');
    else setStatus('tested');
  }

  /** Sending is confirmed once the draft passes the checks (and, for a schedule, its time). */
  function askSend() {
    if (!checked()) return;
    setDialogErrors([]);
    setDialog({ kind: 'now' });
  }

  function askSchedule() {
    const local = scheduleErrors(values.scheduleAt);
    const at = localTimeToIso(values.scheduleAt);
    const silence = at && campaign ? silenceAt(Date.parse(at)) : null;
    const problems = local.length ? local : silence ? [{ code: 'ELECTORAL_SILENCE', field: 'at' }] : [];
    if (!checked(problems) || !at) return;
    setDialogErrors([]);
    setDialog({ kind: 'schedule', at });
  }

  async function confirmSend() {
    if (!dialog) return;
    setDialogErrors([]);
    const id = await save();
    if (!id) {
      setDialog(null);
      return;
    }
    const payload = (await send({ input: { messageId: id, at: dialog.kind === 'schedule' ? dialog.at : null } }))?.sendMessage;
    if (!payload) return;
    if (payload.errors.length) setDialogErrors([...payload.errors]);
    else navigate(`/messages/${encodeURIComponent(id)}`);
  }

  const minAt = isoToLocalTime(Date.now() + 5 * 60_000);
  const maxAt = isoToLocalTime(Date.now() + MAX_SCHEDULE_DAYS * 86_400_000);
  const sms = channel === 'SMS';
  const stopMissing = sms && values.body.trim() !== '' && !mentionsStop(values.body);

  return (
    <form ref={formRef} className="composer" onSubmit={(e) => void submit(e)} noValidate data-testid={FORM} data-channel={channel}>
      <div className="composer-layout">
        <div className="card form composer-main">
          <Field
            label={t('messaging.composer.segment')}
            testId="composer-segment"
            errorsId={`${FORM}-errors-segmentId`}
            errors={[...(errorsOf('segmentId') ?? []), ...(errorsOf('definition') ?? [])]}
          >
            {(aria) => (
              <select {...aria} value={values.segmentId} onChange={(e) => set({ segmentId: e.target.value })}>
                <option value="">{t('messaging.composer.everyone')}</option>
                {segmentList.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({countText(sms ? s.count.smsReachable : s.count.emailReachable)})
                  </option>
                ))}
                {values.segmentId && !chosen && segments.data && <option value={values.segmentId}>{t('messaging.composer.segmentGone')}</option>}
              </select>
            )}
          </Field>
          {segments.error && <ErrorMessage error={segments.error} />}
          <p className="composer-reach" role="status" data-testid="composer-reach">
            {count ? <ReachCount count={count} testId="composer-count" /> : segments.loading || everyone.loading ? t('common.loading') : null}
          </p>
          {nobody && (
            <p className="notice" data-testid="composer-nobody">
              {t(sms ? 'messaging.composer.nobodySms' : 'messaging.composer.nobodyEmail')}
            </p>
          )}

          {!sms && (
            <Field label={t('messaging.composer.subject')} testId="composer-subject" errorsId={`${FORM}-errors-subject`} errors={errorsOf('subject')}>
              {(aria) => <input {...aria} value={values.subject} maxLength={200} onChange={(e) => set({ subject: e.target.value })} />}
            </Field>
          )}

          <div className="field">
            <label htmlFor={`${FORM}-body`}>{sms ? t('messaging.composer.smsBody') : t('messaging.composer.body')}</label>
            <div className="insert-variables" role="group" aria-label={t('messaging.composer.insert')}>
              {VARIABLES.map((v) => (
                <button key={v} type="button" className="secondary" onClick={() => insert(v)} data-testid={`insert-${v}`}>
                  {t(`messaging.composer.variable.${v}`)} <code>{`{{${v}}}`}</code>
                </button>
              ))}
            </div>
            <textarea
              id={`${FORM}-body`}
              ref={bodyRef}
              value={values.body}
              rows={sms ? 5 : 12}
              onChange={(e) => set({ body: e.target.value })}
              aria-invalid={errorsOf('body')?.length ? true : undefined}
              aria-describedby={[errorsOf('body')?.length ? `${FORM}-errors-body` : null, `${FORM}-body-hint`].filter(Boolean).join(' ')}
              data-testid="composer-body"
            />
            <span className="hint" id={`${FORM}-body-hint`}>
              {sms ? t('messaging.composer.smsHint') : t('messaging.composer.markdownHint')}
            </span>
            {stopMissing && (
              <p className="notice" data-testid="stop-missing">
                {t('messaging.composer.stopMissing')}
              </p>
            )}
            <FieldErrors id={`${FORM}-errors-body`} errors={errorsOf('body')} />
          </div>

          {campaignOptional ? (
            <div className="field">
              <label className="inline">
                <input
                  type="checkbox"
                  checked={values.campaign}
                  onChange={(e) => set({ campaign: e.target.checked })}
                  aria-describedby={`${FORM}-campaign-hint`}
                  data-testid="composer-campaign"
                />
                {t('messaging.composer.campaign')}
              </label>
              <span className="hint" id={`${FORM}-campaign-hint`}>
                {t('messaging.composer.campaignHint')}
              </span>
              <FieldErrors id={`${FORM}-errors-campaign`} errors={errorsOf('campaign')} />
            </div>
          ) : (
            // Reaching supporters (or everyone) is campaigning: the API refuses it otherwise (CAMPAIGN_REQUIRED).
            <div className="field campaign-required" data-testid="composer-campaign-required">
              <p>
                <strong>{t('messaging.composer.campaign')}</strong> — {t('messaging.composer.campaignHint')}
              </p>
              <span className="hint">{t('messaging.composer.campaignRequired')}</span>
              <FieldErrors id={`${FORM}-errors-campaign`} errors={errorsOf('campaign')} />
            </div>
          )}
          {sms && (
            <div className="field">
              {/* Only the national team may send outside 8:00–20:00 (the API refuses others: NATIONAL_ONLY). */}
              {nationally && (
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={values.ignoreQuietHours}
                    onChange={(e) => set({ ignoreQuietHours: e.target.checked })}
                    data-testid="composer-ignore-quiet-hours"
                  />
                  {t('messaging.composer.ignoreQuietHours')}
                </label>
              )}
              {!values.ignoreQuietHours && <span className="hint">{t('messaging.composer.quietHours')}</span>}
              <FieldErrors id={`${FORM}-errors-ignoreQuietHours`} errors={errorsOf('ignoreQuietHours')} />
            </div>
          )}
        </div>

        <section className="card composer-preview" aria-labelledby={`${FORM}-preview-title`} data-testid="composer-preview">
          <h2 id={`${FORM}-preview-title`}>{t('messaging.preview.title')}</h2>
          {!values.body.trim() ? (
            <p className="muted">{t('messaging.preview.empty')}</p>
          ) : unknown.length ? (
            <p className="error" data-testid="preview-error" data-code="UNKNOWN_VARIABLE">
              {errorText('UNKNOWN_VARIABLE')} <code>{unknown.map((v) => `{{${v}}}`).join(' ')}</code>
            </p>
          ) : previewErrors.length ? (
            // The field's own code (the body refused: TOO_LONG…), not a generic "some values were refused".
            <p className="error" data-testid="preview-error" data-code={previewErrors[0]!.code}>
              {[...new Set(previewErrors.map((e) => e.code))].map(errorText).join(' ')}
            </p>
          ) : shown ? (
            <MessagePreview channel={channel} preview={shown} reach={reach} />
          ) : (
            <p role="status">{t('common.loading')}</p>
          )}
        </section>
      </div>

      {status && (
        <p className="success" role="status" data-testid={status === 'tested' ? 'composer-tested' : 'composer-saved'}>
          {status === 'tested' ? t('messaging.composer.tested') : t('messaging.composer.saved')}
        </p>
      )}
      <GeneralErrors errors={split.general} testId={`${FORM}-errors`} />
      {!dialog && <ActionErrors error={requestError} testId={`${FORM}-request-errors`} />}
      {silenceNow && (
        <p className="notice" data-testid="composer-silence">
          {t('messaging.composer.silence', { name: silenceNow.name, until: formatDateTime(silenceNow.endsAt) })}
        </p>
      )}

      <div className="card composer-send">
        <div className="actions">
          <button type="submit" className="secondary" disabled={busy} data-testid="composer-save">
            {composeState.loading ? t('actions.form.saving') : t('messaging.composer.save')}
          </button>
          {!testsUsedUp && (
            <button
              type="button"
              className="secondary"
              onClick={() => void sendTest()}
              disabled={busy}
              aria-describedby={`${FORM}-test-hint`}
              data-testid="composer-test"
            >
              {testState.loading ? t('messaging.composer.testing') : t('messaging.composer.test')}
            </button>
          )}
          {!nobody && !tooSmall && !silenceNow && (
            <button
              type="button"
              onClick={askSend}
              disabled={busy || !count}
              data-testid="composer-send"
            >
              {t('messaging.composer.sendNow')}
            </button>
          )}
        </div>
        <p className="hint" id={`${FORM}-test-hint`} data-testid="composer-test-hint">
          {testsUsedUp ? t('messaging.composer.testsUsedUp', { max: MAX_TESTS_PER_DAY }) : t('messaging.composer.testHint', { max: MAX_TESTS_PER_DAY })}
        </p>
        {tooSmall && (
          <p className="notice" data-testid="composer-too-small">
            {t('messaging.composer.tooSmall')}
          </p>
        )}
        {!nobody && !tooSmall && (
          <div className="schedule">
            <Field
              label={t('messaging.composer.scheduleAt')}
              testId="composer-schedule-at"
              errorsId={`${FORM}-errors-at`}
              errors={errorsOf('at')}
              hint={t('messaging.composer.scheduleHint', { days: MAX_SCHEDULE_DAYS })}
            >
              {(aria) => (
                <input {...aria} type="datetime-local" value={values.scheduleAt} min={minAt} max={maxAt} onChange={(e) => set({ scheduleAt: e.target.value })} />
              )}
            </Field>
            <button type="button" className="secondary" onClick={askSchedule} disabled={busy || !count} data-testid="composer-schedule">
              {t('messaging.composer.schedule')}
            </button>
          </div>
        )}
      </div>

      {dialog && (
        <ConfirmDialog
          title={dialog.kind === 'now' ? t(sms ? 'messaging.send.titleSms' : 'messaging.send.titleEmail') : t('messaging.send.scheduleTitle')}
          confirmLabel={busy ? t('messaging.send.sending') : dialog.kind === 'now' ? t('messaging.send.confirmNow') : t('messaging.send.confirmSchedule')}
          cancelLabel={t('messaging.send.cancel')}
          busy={busy}
          onConfirm={() => void confirmSend()}
          onCancel={() => {
            setDialog(null);
            // A new draft saved on the way to a refused send: the page moves to it.
            if (!messageId && savedId) onCreated(savedId, 'saved');
          }}
          testId="send-dialog"
        >
          <p data-testid="send-dialog-count" data-count={reach ?? ''}>
            {t(sms ? 'messaging.send.countSms' : 'messaging.send.countEmail', { count: reach ?? 0, formatted: countText(reach) })}
          </p>
          {dialog.kind === 'schedule' && <p data-testid="send-dialog-at">{t('messaging.send.at', { at: formatDateTime(dialog.at) })}</p>}
          {chosen && <p className="muted">{t('messaging.send.segment', { name: chosen.name })}</p>}
          <p className="hint">{t('messaging.send.final')}</p>
          <ActionErrors errors={dialogErrors} error={sendState.error} testId="send-dialog-errors" />
        </ConfirmDialog>
      )}
    </form>
  );
}
