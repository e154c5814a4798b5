import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { executeGraphQL } from '../../api/client';
import { ApiError } from '../../api/errors';
import { toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import { postFile } from '../../api/upload';
import type {
  MembershipColumnInput,
  MembershipImportReportFieldsFragment as MembershipImportReport,
  StartMembershipImportMutation as StartMembershipImportResult,
} from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useErrorText } from '../../ui/errorText';
import { GeneralErrors } from '../../ui/FieldErrors';
import { useJobRun } from '../imports/importRun';
import {
  columnLetter,
  draftOf,
  isFileProblem,
  linesText,
  mappingInput,
  MEMBERSHIP_FIELDS,
  missingFields,
  problemLines,
  REQUIRED_FIELDS,
  uploadUrl,
  type MappingDraft,
  type MembershipUpload,
} from './membership';
import { MembershipReport, RunFailure, RunProgress, type MembershipJob } from './MembershipReport';
import { MembershipImportOfRunQuery, StartMembershipImportMutation } from './queries';

/** Where a file is imported: a federation (its id), or the whole party (no id). */
export interface MembershipScope {
  key: string;
  id: string | null;
  label: string;
}

const STEPS = ['upload', 'mapping', 'dryRun', 'apply'] as const;
const ACCEPTED = '.csv,.txt,.xlsx,.xls';

async function readMembershipReport(runId: string, signal: AbortSignal): Promise<MembershipImportReport | null> {
  return (await executeGraphQL(MembershipImportOfRunQuery, { runId }, { signal })).data?.membershipImportOfRun ?? null;
}

const ended = (job: MembershipJob) => job.phase === 'done' || job.phase === 'failed';
const reportOf = (job: MembershipJob) => (job.phase === 'done' || job.phase === 'failed' ? (job.report ?? null) : null);

interface Props {
  scope: MembershipScope;
  scopes: readonly MembershipScope[];
  onScope: (key: string) => void;
  /** A dry run or an apply ended: its report is new in the history. */
  onFinished: () => void;
}

/**
 * The membership file, step by step: upload it for a scope, match its columns to the fields, run a dry run and read
 * its report, then apply it (all of it, or skipping exactly the lines with problems). Nothing changes before the apply.
 */
export function MembershipWizard({ scope, scopes, onScope, onFinished }: Props) {
  const { t } = useTranslation();
  const [upload, setUpload] = useState<MembershipUpload | null>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [dryRun, setDryRun] = useState<MembershipJob>({ phase: 'idle' });
  /** The mapping the dry run read: the apply sends it again. */
  const [checked, setChecked] = useState<MembershipColumnInput[]>([]);
  const [apply, setApply] = useState<MembershipJob>({ phase: 'idle' });
  const [skip, setSkip] = useState(false);
  /** Why the last dry run or apply did not start: the payload's errors, or the request's. */
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [startError, setStartError] = useState<ApiError | undefined>(undefined);
  useJobRun(dryRun, setDryRun, readMembershipReport);
  useJobRun(apply, setApply, readMembershipReport);

  const dryRunReport = reportOf(dryRun);
  /** A dry run that read the whole file: it may be applied. */
  const checkedReport = dryRunReport?.status === 'DRY_RUN' ? dryRunReport : null;
  const applyReport = reportOf(apply);
  const step = !upload ? 1 : dryRun.phase === 'idle' ? 2 : checkedReport ? 4 : 3;

  const headingRef = useRef<HTMLHeadingElement>(null);
  const reportRef = useRef<HTMLElement>(null);
  const firstStep = useRef(true);
  // Each step's heading takes focus when it comes (the button that led there is gone).
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);
  // A run that ends: its report takes focus, and the history reads it.
  useEffect(() => {
    if (!ended(dryRun)) return;
    reportRef.current?.focus();
    onFinished();
  }, [dryRun.phase]);
  useEffect(() => {
    if (!ended(apply)) return;
    reportRef.current?.focus();
    onFinished();
  }, [apply.phase]);

  function restart() {
    setUpload(null);
    setDraft(null);
    backToMapping();
  }

  function backToMapping() {
    setDryRun({ phase: 'idle' });
    setApply({ phase: 'idle' });
    setChecked([]);
    setSkip(false);
    setErrors([]);
    setStartError(undefined);
  }

  async function start(dry: boolean) {
    if (!upload || !draft) return;
    const setJob = dry ? setDryRun : setApply;
    const mapping = dry ? mappingInput(draft) : checked;
    if (!dry && !checkedReport) return;
    setErrors([]);
    setStartError(undefined);
    setJob({ phase: 'uploading' });
    const input = dry
      ? { uploadId: upload.uploadId, scopeId: scope.id, mapping, dryRun: true }
      : {
          uploadId: upload.uploadId,
          scopeId: scope.id,
          mapping,
          dryRun: false,
          dryRunId: checkedReport!.id,
          skipInvalidRows: skip && checkedReport!.problemCount > 0,
        };
    let payload: StartMembershipImportResult['startMembershipImport'] | undefined;
    try {
      const result = await executeGraphQL(StartMembershipImportMutation, { input });
      if (result.error) setStartError(result.error);
      payload = result.data?.startMembershipImport;
    } catch (cause) {
      setStartError(cause instanceof ApiError ? cause : new ApiError('NETWORK', [{ message: 'NETWORK', extensions: { code: 'NETWORK' } }]));
    }
    if (!payload?.run || payload.errors.length > 0) {
      setErrors(toPayloadErrors(payload?.errors ?? []));
      setJob({ phase: 'idle' });
      return;
    }
    if (dry) setChecked(mapping);
    setJob({ phase: 'running', runId: payload.run.id, run: null });
  }

  const shownReport = applyReport ?? dryRunReport;

  return (
    <div className="membership-wizard" data-testid="membership-wizard" data-step={step}>
      <ol className="membership-steps" aria-label={t('membership.steps.label')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={step === i + 1 ? 'step' : undefined} className={i + 1 < step ? 'done' : undefined}>
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="step-name">{t(`membership.steps.${s}`)}</span>
          </li>
        ))}
      </ol>

      {step === 1 && (
        <UploadStep
          headingRef={headingRef}
          scope={scope}
          scopes={scopes}
          onScope={onScope}
          onUploaded={(u) => {
            setUpload(u);
            setDraft(draftOf(u));
          }}
        />
      )}

      {step === 2 && upload && draft && (
        <MappingStep
          headingRef={headingRef}
          scope={scope}
          upload={upload}
          draft={draft}
          onDraft={setDraft}
          onStart={() => void start(true)}
          onBack={restart}
          errors={errors}
          error={startError}
        />
      )}

      {step >= 3 && upload && (
        <section className="card membership-step" aria-labelledby="membership-step-title">
          <h2 id="membership-step-title" ref={headingRef} tabIndex={-1}>
            {step === 3 ? t('membership.steps.dryRun') : t('membership.steps.apply')}
          </h2>
          <p className="muted">
            {t('membership.scopeChosen', { scope: scope.label })} · <span className="file-name">{upload.fileName}</span>
          </p>
          <RunProgress state={dryRun} testId="membership-dry-run-progress" />
          {dryRun.phase === 'failed' && !dryRunReport && <RunFailure code={dryRun.code} reason={dryRun.reason} />}
          {shownReport && <MembershipReport ref={reportRef} report={shownReport} />}
          {checkedReport && (apply.phase === 'idle' || apply.phase === 'uploading') && (
            <ApplyPanel
              report={checkedReport}
              skip={skip}
              onSkip={setSkip}
              disabled={apply.phase === 'uploading'}
              onApply={() => void start(false)}
              onCorrect={restart}
              onChangeMapping={backToMapping}
              errors={errors}
              error={startError}
            />
          )}
          <RunProgress state={apply} testId="membership-apply-progress" />
          {apply.phase === 'failed' && !applyReport && <RunFailure code={apply.code} reason={apply.reason} />}
          {(ended(apply) || (ended(dryRun) && !checkedReport)) && (
            <div className="actions membership-next">
              {applyReport?.status === 'APPLIED' ? (
                <button type="button" onClick={restart} data-testid="membership-another">
                  {t('membership.apply.another')}
                </button>
              ) : (
                <>
                  <button type="button" onClick={restart} data-testid="membership-correct">
                    {t('membership.apply.correct')}
                  </button>
                  <button type="button" className="secondary" onClick={backToMapping} data-testid="membership-change-mapping">
                    {t('membership.apply.changeMapping')}
                  </button>
                </>
              )}
            </div>
          )}
        </section>
      )}
    </div>
  );
}

type UploadState = { phase: 'idle' } | { phase: 'sending' } | { phase: 'noFile' } | { phase: 'failed'; code: string; detail: string | null };

function UploadStep(props: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  scope: MembershipScope;
  scopes: readonly MembershipScope[];
  onScope: (key: string) => void;
  onUploaded: (upload: MembershipUpload) => void;
}) {
  const { headingRef, scope, scopes, onScope, onUploaded } = props;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setState({ phase: 'noFile' });
      return;
    }
    setState({ phase: 'sending' });
    try {
      const answer = await postFile<MembershipUpload>(uploadUrl(file.name, scope.id), file);
      onUploaded(answer);
    } catch (cause) {
      const error = cause instanceof ApiError ? cause : null;
      const code = error?.primaryCode ?? 'NETWORK';
      setState({ phase: 'failed', code, detail: error && error.message !== code ? error.message : null });
    }
  }

  return (
    <form className="card form membership-step" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="membership-upload">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('membership.steps.upload')}
      </h2>
      <div className="field">
        <label htmlFor={`${id}-scope`}>{t('membership.scope')}</label>
        <select
          id={`${id}-scope`}
          value={scope.key}
          onChange={(e) => {
            onScope(e.target.value);
            setState({ phase: 'idle' });
          }}
          disabled={state.phase === 'sending'}
          aria-describedby={`${id}-scope-hint`}
          data-testid="membership-scope"
        >
          {scopes.map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
        <span className="hint" id={`${id}-scope-hint`}>
          {t('membership.scopeHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('membership.upload.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={ACCEPTED}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setState({ phase: 'idle' });
          }}
          aria-invalid={state.phase === 'noFile' ? true : undefined}
          aria-describedby={`${id}-file-hint`}
          data-testid="membership-file"
        />
        <span className="hint" id={`${id}-file-hint`}>
          {t('membership.upload.fileHint')}
        </span>
      </div>
      {state.phase === 'noFile' && (
        <p className="error" role="alert" data-testid="membership-upload-missing">
          {t('membership.upload.chooseFile')}
        </p>
      )}
      {state.phase === 'failed' && (
        <div className="error-box" role="alert" data-testid="membership-upload-error" data-code={state.code}>
          <p>
            <strong>{t('membership.upload.refused')}</strong> {state.code === 'IMPORT_INVALID' && state.detail ? null : errorText(state.code)}
          </p>
          {state.detail && (
            <p className="report-text" data-testid="membership-upload-detail">
              {state.detail}
            </p>
          )}
        </div>
      )}
      {state.phase === 'sending' && (
        <p role="status" data-testid="membership-uploading">
          {t('membership.upload.sending')}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={state.phase === 'sending'} data-testid="membership-upload-submit">
          {t('membership.upload.submit')}
        </button>
      </div>
    </form>
  );
}

function MappingStep(props: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  scope: MembershipScope;
  upload: MembershipUpload;
  draft: MappingDraft;
  onDraft: (draft: MappingDraft) => void;
  onStart: () => void;
  onBack: () => void;
  errors: readonly PayloadError[];
  error: ApiError | undefined;
}) {
  const { headingRef, scope, upload, draft, onDraft, onStart, onBack, errors, error } = props;
  const { t } = useTranslation();
  const id = useId();
  const missing = missingFields(draft);
  // Columns are chosen by their header; a header written twice (or empty) names its first column.
  const columns = upload.header.flatMap((name, i) => (name.trim() !== '' && upload.header.indexOf(name) === i ? [{ name, letter: columnLetter(i + 1) }] : []));
  const width = Math.max(upload.header.length, ...upload.sample.map((r) => r.length));
  const read =
    upload.encoding === 'XLSX' || !upload.separator
      ? t('membership.mapping.readSpreadsheet', { file: upload.fileName })
      : t('membership.mapping.readCsv', {
          file: upload.fileName,
          encoding: upload.encoding,
          separator: upload.separator === ',' ? t('membership.mapping.comma') : t('membership.mapping.semicolon'),
        });

  return (
    <section className="card membership-step membership-mapping" aria-labelledby={`${id}-title`} data-testid="membership-mapping">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('membership.steps.mapping')}
      </h2>
      <p className="muted">{t('membership.scopeChosen', { scope: scope.label })}</p>
      <p className="file-name" data-testid="membership-read" data-encoding={upload.encoding} data-separator={upload.separator ?? ''}>
        {read}
      </p>

      <h3 id={`${id}-sample`}>{t('membership.mapping.sample')}</h3>
      {/* Only this box scrolls sideways, never the page: a file may have many columns. */}
      <div className="table-scroll sample-scroll" role="region" aria-labelledby={`${id}-sample`} tabIndex={0} data-testid="membership-sample">
        <table className="data-table sample-table">
          <thead>
            <tr>
              {Array.from({ length: width }, (_, i) => (
                <th key={i} scope="col">
                  <span className="column-letter">{columnLetter(i + 1)}</span> {upload.header[i] ?? ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {upload.sample.map((row, r) => (
              <tr key={r}>
                {Array.from({ length: width }, (_, i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {upload.sample.length === 0 && <p className="notice">{t('membership.mapping.sampleEmpty')}</p>}

      <p className={upload.mappingSaved ? 'success' : 'notice'} data-testid="membership-mapping-origin" data-saved={upload.mappingSaved}>
        {upload.mappingSaved ? t('membership.mapping.saved') : t('membership.mapping.guessed')}
      </p>
      <fieldset className="membership-fields">
        <legend>{t('membership.mapping.columns')}</legend>
        <p className="hint">{t('membership.mapping.requiredNote')}</p>
        <div className="form-grid">
          {MEMBERSHIP_FIELDS.map((field) => {
            const required = REQUIRED_FIELDS.includes(field);
            const selectId = `${id}-field-${field}`;
            return (
              <div className="field" key={field}>
                <span className="field-label">
                  <label htmlFor={selectId}>{t(`membership.fields.${field}`)}</label>
                  {required && (
                    <span className="required-mark" aria-hidden="true">
                      *
                    </span>
                  )}
                </span>
                <select
                  id={selectId}
                  value={draft[field]}
                  onChange={(e) => onDraft({ ...draft, [field]: e.target.value })}
                  aria-required={required || undefined}
                  aria-invalid={required && !draft[field] ? true : undefined}
                  data-testid={`membership-field-${field}`}
                >
                  <option value="">{t('membership.mapping.none')}</option>
                  {columns.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name} ({c.letter})
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      </fieldset>
      {missing.length > 0 && (
        <p className="hint" id={`${id}-missing`} data-testid="membership-missing">
          {t('membership.mapping.missing', { fields: missing.map((f) => t(`membership.fields.${f}`)).join(', ') })}
        </p>
      )}
      <GeneralErrors errors={errors} testId="membership-start-errors" />
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <button
          type="button"
          onClick={onStart}
          disabled={missing.length > 0}
          aria-describedby={missing.length > 0 ? `${id}-missing` : undefined}
          data-testid="membership-dry-run"
        >
          {t('membership.mapping.start')}
        </button>
        <button type="button" className="secondary" onClick={onBack} data-testid="membership-another-file">
          {t('membership.mapping.anotherFile')}
        </button>
      </div>
    </section>
  );
}

function ApplyPanel(props: {
  report: MembershipImportReport;
  skip: boolean;
  onSkip: (skip: boolean) => void;
  disabled: boolean;
  onApply: () => void;
  onCorrect: () => void;
  onChangeMapping: () => void;
  errors: readonly PayloadError[];
  error: ApiError | undefined;
}) {
  const { report, skip, onSkip, disabled, onApply, onCorrect, onChangeMapping, errors, error } = props;
  const { t } = useTranslation();
  const id = useId();
  const problems = report.problemCount;
  const fileProblem = report.problems.some(isFileProblem);
  const lines = problemLines(report);
  const skippable = problems > 0 && !fileProblem && lines.length > 0;
  const canApply = problems === 0 || (skippable && skip);

  return (
    <div className="membership-apply" data-testid="membership-apply" data-problems={problems}>
      {problems === 0 ? (
        <p className="success" data-testid="membership-apply-ready">
          {t('membership.apply.ready')}
        </p>
      ) : (
        <p className="notice" data-testid="membership-blocked">
          {t('membership.apply.blocked', { count: problems })}
        </p>
      )}
      {problems > 0 && fileProblem && <p data-testid="membership-file-problems">{t('membership.apply.fileProblems')}</p>}
      {skippable && (
        <div className="field membership-skip">
          <label className="inline">
            <input type="checkbox" checked={skip} onChange={(e) => onSkip(e.target.checked)} aria-describedby={`${id}-skip`} data-testid="membership-skip" />
            {t('membership.apply.skip')}
          </label>
          <p className="hint" id={`${id}-skip`} data-testid="membership-skip-lines" data-count={lines.length}>
            {t('membership.apply.skipHint', { count: lines.length, lines: linesText(lines) })}
            {problems > report.problems.length && <> {t('membership.apply.skipHintMore', { shown: report.problems.length })}</>}
          </p>
        </div>
      )}
      <GeneralErrors errors={errors} testId="membership-apply-errors" />
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="button" onClick={onApply} disabled={!canApply || disabled} data-testid="membership-apply-submit">
          {t('membership.apply.submit')}
        </button>
        {problems > 0 && (
          <button type="button" className="secondary" onClick={onCorrect} data-testid="membership-correct">
            {t('membership.apply.correct')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onChangeMapping} data-testid="membership-change-mapping">
          {t('membership.apply.changeMapping')}
        </button>
      </div>
    </div>
  );
}
