import { useTranslation } from 'react-i18next';
import { candidateColumns, COUNT_FIELDS, missingFields, OPTIONAL_COUNTS, type FileHeader, type MappingDraft } from './mapping';

interface Props {
  header: FileHeader;
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
}

/**
 * Which column of the file is what: the station, the commune (a fixed code for a city's own files, or a column), the
 * counts, and the suffix that marks each candidate's votes. Read from the file's first line, in the browser.
 */
export function MappingEditor({ header, draft, onChange }: Props) {
  const { t } = useTranslation();
  const columns = header.columns.filter((c) => c !== '');
  const candidates = candidateColumns(columns, draft.candidateSuffix);
  const missing = missingFields(draft, columns);
  const set = (patch: Partial<MappingDraft>) => onChange({ ...draft, ...patch });

  const columnSelect = (field: keyof MappingDraft, label: string, optional: boolean) => (
    <label key={field}>
      <span>
        {label}
        {optional && <span className="hint"> {t('imports.mapping.optional')}</span>}
      </span>
      <select
        value={draft[field]}
        onChange={(e) => set({ [field]: e.target.value })}
        aria-invalid={missing.includes(field) ? true : undefined}
        data-testid={`mapping-${field}`}
      >
        <option value="">{optional ? t('imports.mapping.none') : t('imports.mapping.choose')}</option>
        {columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <fieldset className="mapping" data-testid="mapping-editor">
      <legend>{t('imports.mapping.title')}</legend>
      <p className="hint">
        {t('imports.mapping.read', { count: columns.length, delimiter: header.delimiter === ';' ? t('imports.mapping.semicolon') : t('imports.mapping.comma') })}
      </p>
      <div className="form-grid">
        {columnSelect('stationColumn', t('imports.mapping.station'), false)}
        {columnSelect('constituencyColumn', t('imports.mapping.constituency'), true)}
      </div>
      <div className="mapping-commune" role="radiogroup" aria-label={t('imports.mapping.commune')}>
        <label className="inline">
          <input type="radio" name="commune-from" checked={draft.communeFrom === 'code'} onChange={() => set({ communeFrom: 'code' })} data-testid="mapping-commune-fixed" />
          {t('imports.mapping.communeFixed')}
        </label>
        {draft.communeFrom === 'code' && (
          <label>
            {t('imports.mapping.communeCode')}
            <input
              type="text"
              inputMode="numeric"
              maxLength={5}
              value={draft.commune}
              onChange={(e) => set({ commune: e.target.value })}
              aria-invalid={missing.includes('commune') ? true : undefined}
              placeholder="29019"
              data-testid="mapping-commune"
            />
          </label>
        )}
        <label className="inline">
          <input type="radio" name="commune-from" checked={draft.communeFrom === 'column'} onChange={() => set({ communeFrom: 'column' })} data-testid="mapping-commune-from-column" />
          {t('imports.mapping.communeFromColumn')}
        </label>
        {draft.communeFrom === 'column' && columnSelect('communeColumn', t('imports.mapping.communeColumn'), false)}
      </div>
      <div className="form-grid">
        {COUNT_FIELDS.map((field) => columnSelect(field, t(`imports.mapping.counts.${field}`), OPTIONAL_COUNTS.includes(field)))}
      </div>
      <label>
        {t('imports.mapping.candidateSuffix')}
        <input
          type="text"
          value={draft.candidateSuffix}
          onChange={(e) => set({ candidateSuffix: e.target.value })}
          aria-invalid={missing.includes('candidateSuffix') ? true : undefined}
          placeholder=" - votes"
          data-testid="mapping-candidateSuffix"
        />
        <span className="hint">{t('imports.mapping.candidateSuffixHint')}</span>
      </label>
      <p className="hint" data-testid="mapping-candidates" data-count={candidates.length}>
        {candidates.length > 0
          ? t('imports.mapping.candidates', { count: candidates.length, names: candidates.slice(0, 4).map((c) => c.name).join(', ') })
          : t('imports.mapping.noCandidates')}
      </p>
    </fieldset>
  );
}
