import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { postFile } from '../../api/upload';
import type { ImportKindsQuery } from '../../gql/graphql';
import { formatNumber } from '../../i18n/format';
import { isKnownErrorCode, useErrorText } from '../../ui/errorText';
import { readFileHeader, guessMapping, mappingJson, type FileHeader, type MappingDraft } from './mapping';
import { MappingEditor } from './MappingEditor';
import { useImportRun, useImportState, whereOf, type ImportState } from './importRun';

export type ImportKind = ImportKindsQuery['importKinds'][number];

/** Election kinds as the results importers take them (--election). */
export const ELECTION_KINDS = ['legislatives', 'presidentielle', 'europeennes', 'municipales', 'departementales', 'regionales', 'referendum', 'other'] as const;
/** Options the form writes itself, or that name a file of the server (not for an upload). */
const HIDDEN_OPTIONS = ['mapping', 'mapping-json'];
/** Options a results file needs: the file does not say which election it is. */
const REQUIRED_OPTIONS = ['election', 'date', 'round'];
const TRANSLATED_KINDS = [
  'blocs', 'communes', 'communes-reference', 'indicators', 'iris', 'results-2024', 'results-long', 'results-mapped', 'results-older', 'station-contours',
] as const;

/** The POST /imports/{kind} URL: file name, dry run, and the options as a JSON object of strings. */
export function importUrl(kind: string, fileName: string, dryRun: boolean, options: Record<string, string>): string {
  const query = new URLSearchParams({ fileName, dryRun: String(dryRun) });
  if (Object.keys(options).length > 0) query.set('options', JSON.stringify(options));
  return `/imports/${encodeURIComponent(kind)}?${query.toString()}`;
}

function useKindText() {
  const { t } = useTranslation();
  return (kind: ImportKind) =>
    (TRANSLATED_KINDS as readonly string[]).includes(kind.kind) ? t(`imports.kinds.${kind.kind as (typeof TRANSLATED_KINDS)[number]}`) : kind.description;
}

interface Props {
  kinds: readonly ImportKind[];
  /** An import ended (its report is new in the list below). */
  onFinished: () => void;
}

/** Choose a kind, a file and its options, send it (a dry run first, by default), and follow the import to its end. */
export function ImportForm({ kinds, onFinished }: Props) {
  const { t } = useTranslation();
  const kindText = useKindText();
  const [kindName, setKindName] = useState(kinds[0]?.kind ?? '');
  const kind = kinds.find((k) => k.kind === kindName) ?? kinds[0] ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState(true);
  const [header, setHeader] = useState<FileHeader | null>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [state, setState] = useImportState();
  const [tried, setTried] = useState(false);
  useImportRun(state, setState);

  const mapped = kind?.options.some((o) => o.name === 'mapping-json') ?? false;
  /** A results file: its election options are named here (other kinds' options are the server's words). */
  const results = kind?.options.some((o) => o.name === 'election') ?? false;
  const options = (kind?.options ?? []).filter((o) => !HIDDEN_OPTIONS.includes(o.name));

  // A results file in another layout: its first line is read here, for the mapping editor.
  useEffect(() => {
    setHeader(null);
    setDraft(null);
    if (!file || !mapped) return;
    let current = true;
    void readFileHeader(file).then((read) => {
      if (!current) return;
      setHeader(read);
      setDraft(guessMapping(read.columns.filter((c) => c !== '')));
    });
    return () => {
      current = false;
    };
  }, [file, mapped]);

  const json = header && draft ? mappingJson(draft, header.columns.filter((c) => c !== '')) : null;
  const sent = useMemo(() => {
    const chosen: Record<string, string> = {};
    for (const option of kind?.options ?? []) {
      const value = values[option.name]?.trim();
      if (value && !HIDDEN_OPTIONS.includes(option.name)) chosen[option.name] = value;
    }
    if (mapped && json && !chosen['mapping-name']) chosen['mapping-json'] = json;
    return chosen;
  }, [kind, values, mapped, json]);

  const missing = [
    ...(file ? [] : ['file']),
    ...options.filter((o) => REQUIRED_OPTIONS.includes(o.name) && !sent[o.name]).map((o) => o.name),
    ...(mapped && !sent['mapping-json'] && !sent['mapping-name'] ? ['mapping'] : []),
  ];
  const busy = state.phase === 'uploading' || state.phase === 'running';
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.phase === 'done' || state.phase === 'failed') {
      outcomeRef.current?.focus();
      onFinished();
    }
    // Only the end of an import matters here.
  }, [state.phase]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!kind || !file || missing.length > 0) return;
    setState({ phase: 'uploading' });
    try {
      const { runId } = await postFile<{ runId: string }>(importUrl(kind.kind, file.name, dryRun, sent), file);
      setState({ phase: 'running', runId, run: null });
    } catch (cause) {
      const error = cause instanceof ApiError ? cause : null;
      setState({ phase: 'failed', code: error?.primaryCode ?? 'NETWORK', reason: error && error.message !== error.primaryCode ? error.message : null });
    }
  }

  const setValue = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));

  return (
    <form className="form card import-form" onSubmit={(e) => void submit(e)} data-testid="import-form" noValidate>
      <h2>{t('imports.formTitle')}</h2>
      <label>
        {t('imports.kind')}
        <select
          value={kind?.kind ?? ''}
          onChange={(e) => {
            setKindName(e.target.value);
            setState({ phase: 'idle' });
          }}
          data-testid="import-kind"
        >
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.kind}
            </option>
          ))}
        </select>
        {kind && (
          <span className="hint" data-testid="import-kind-description">
            {kindText(kind)}
          </span>
        )}
      </label>
      <label>
        {t('imports.file')}
        <input
          type="file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setState({ phase: 'idle' });
          }}
          aria-invalid={tried && !file ? true : undefined}
          data-testid="import-file"
        />
        {file && <span className="hint">{t('imports.kb', { size: formatNumber(Math.max(1, Math.ceil(file.size / 1024))) })}</span>}
      </label>

      {options.length > 0 && (
        <fieldset>
          <legend>{t('imports.options')}</legend>
          <div className="form-grid">
            {options.map((o) => (
              <OptionField
                key={`${kind?.kind}-${o.name}`}
                group={results ? 'results' : (kind?.kind ?? '')}
                results={results}
                name={o.name}
                description={o.description}
                value={values[o.name] ?? ''}
                invalid={tried && missing.includes(o.name)}
                required={REQUIRED_OPTIONS.includes(o.name)}
                onChange={(value) => setValue(o.name, value)}
              />
            ))}
          </div>
        </fieldset>
      )}

      {mapped && header && draft && !values['mapping-name']?.trim() && <MappingEditor header={header} draft={draft} onChange={setDraft} />}
      {mapped && file && header?.columns.length === 0 && <p className="notice">{t('imports.mapping.noHeader')}</p>}
      {tried && missing.length > 0 && (
        <p className="error" role="alert" data-testid="import-missing">
          {t('imports.missing')}
        </p>
      )}

      <label className="inline">
        <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} data-testid="import-dry-run" />
        {t('imports.dryRun')}
      </label>
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="import-submit">
          {dryRun ? t('imports.submitDryRun') : t('imports.submit')}
        </button>
      </div>
      <div ref={outcomeRef} tabIndex={-1} className="import-outcome">
        <ImportOutcome state={state} />
      </div>
    </form>
  );
}

function OptionField(props: {
  /** Where its words are in the translations: results kinds share theirs, the others have their own. */
  group: string;
  results: boolean;
  name: string;
  description: string;
  value: string;
  invalid: boolean;
  required: boolean;
  onChange: (value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { group, results, name, description, value, invalid, required, onChange } = props;
  // Options are the importers' own: those known here are named in the reader's language, others as the server says.
  const key = `imports.optionTexts.${group}.${name}`;
  const text = (part: 'label' | 'hint') => (t as unknown as (key: string) => string)(`${key}.${part}`);
  const known = i18n.exists(`${key}.label`);
  const label = known ? text('label') : name;
  const hint = known ? text('hint') : description;
  const common = {
    'aria-invalid': invalid ? (true as const) : undefined,
    'aria-required': required || undefined,
    'data-testid': `import-option-${name}`,
  };
  let control;
  if (results && name === 'election') {
    control = (
      <select value={value} onChange={(e) => onChange(e.target.value)} {...common}>
        <option value="">{t('imports.choose')}</option>
        {ELECTION_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`imports.electionKinds.${k}`)}
          </option>
        ))}
      </select>
    );
  } else if (results && name === 'round') {
    control = (
      <select value={value} onChange={(e) => onChange(e.target.value)} {...common}>
        <option value="">{t('imports.choose')}</option>
        <option value="1">{t('imports.round1')}</option>
        <option value="2">{t('imports.round2')}</option>
      </select>
    );
  } else if (results && name === 'date') {
    control = <input type="date" value={value} onChange={(e) => onChange(e.target.value)} {...common} />;
  } else {
    control = <input type="text" value={value} onChange={(e) => onChange(e.target.value)} {...common} />;
  }
  return (
    <label>
      {label}
      {control}
      <span className="hint">{hint}</span>
    </label>
  );
}

/** Progress while the file is read, then what was imported, or the problem with its line and column. */
function ImportOutcome({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'uploading':
      return (
        <p role="status" data-testid="import-status" data-phase="uploading">
          {t('imports.uploading')}
        </p>
      );
    case 'running': {
      const run = state.run;
      return (
        <p role="status" data-testid="import-status" data-phase="running">
          {run?.total ? <progress value={run.done} max={run.total} aria-label={t('imports.progressLabel')} /> : null}
          {run && run.status === 'RUNNING' && run.total
            ? t('imports.progress', { done: formatNumber(run.done), total: formatNumber(run.total) })
            : t('imports.queued')}
        </p>
      );
    }
    case 'done': {
      const report = state.report;
      return (
        <div className="success" role="status" data-testid="import-status" data-phase="done">
          <p data-testid="import-summary">{report?.summary ?? state.run.summary ?? t('imports.done')}</p>
          {report && report.warningCount > 0 && <Warnings warnings={report.warnings} count={report.warningCount} />}
        </div>
      );
    }
    case 'failed': {
      const where = whereOf(state.reason);
      return (
        <div className="error-box" role="alert" data-testid="import-status" data-phase="failed" data-code={state.code}>
          <p>
            <strong>{state.code === 'IMPORT_INVALID' ? t('imports.rejected') : t('imports.failed')}</strong>{' '}
            {where ? null : state.reason && (state.code === 'IMPORT_INVALID' || !isKnownErrorCode(state.code)) ? state.reason : errorText(state.code)}
          </p>
          {where && (
            <p data-testid="import-problem" data-line={where.line} data-column={where.column ?? ''}>
              {where.column != null ? t('imports.lineColumn', { line: where.line, column: where.column }) : t('imports.line', { line: where.line })}{' '}
              {where.problem}
            </p>
          )}
          {state.report && state.report.warningCount > 0 && <Warnings warnings={state.report.warnings} count={state.report.warningCount} />}
        </div>
      );
    }
  }
}

function Warnings({ warnings, count }: { warnings: readonly string[]; count: number }) {
  const { t } = useTranslation();
  return (
    <details data-testid="import-warnings" data-count={count}>
      <summary>{t('imports.warnings', { count })}</summary>
      <ul>
        {warnings.slice(0, 50).map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}
