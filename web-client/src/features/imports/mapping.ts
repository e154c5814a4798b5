/** A results file's first line: its separator and column names. */
export interface FileHeader {
  delimiter: ';' | ',';
  columns: string[];
}

/** Splits one CSV line, honouring quotes ("a;b" is one cell, "" an escaped quote). */
export function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** The separator the header uses most, outside quotes: French files use ';', others ','. */
export function detectDelimiter(line: string): ';' | ',' {
  const unquoted = line.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

/** Reads the header of a file's text (a byte order mark and a trailing CR are dropped). */
export function readHeader(text: string): FileHeader {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(line);
  return { delimiter, columns: line.trim() === '' ? [] : splitLine(line, delimiter) };
}

/**
 * The first line of a chosen file, read in the browser (only its first 64 KB): UTF-8, or Windows-1252 when it is
 * not valid UTF-8 (what "ANSI" exports usually are), so that the names match what the server reads.
 */
export async function readFileHeader(file: Blob): Promise<FileHeader> {
  return readHeader(decode(await readBytes(file.slice(0, 64 * 1024))));
}

export function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // the 64 KB cut may split a character: only the header matters, so retry without the end before giving up
    const header = bytes.slice(0, Math.max(0, bytes.byteLength - 4));
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(header);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}

function readBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** The column mapping being chosen (see ResultsMapping in the API): column names, '' for none. */
export interface MappingDraft {
  stationColumn: string;
  /** 'code': every row is the commune `commune`; 'column': the commune's INSEE code is in `communeColumn`. */
  communeFrom: 'code' | 'column';
  commune: string;
  communeColumn: string;
  constituencyColumn: string;
  registered: string;
  voters: string;
  abstentions: string;
  blank: string;
  null: string;
  expressed: string;
  candidateSuffix: string;
}

export const COUNT_FIELDS = ['registered', 'voters', 'abstentions', 'blank', 'null', 'expressed'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export const OPTIONAL_COUNTS: readonly CountField[] = ['abstentions', 'null'];

function normalise(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** The column named like the first of these names that is there (accents and case aside), else ''. */
function find(columns: readonly string[], ...names: string[]): string {
  for (const name of names) {
    const found = columns.find((c) => normalise(c) === normalise(name));
    if (found) return found;
  }
  return '';
}

/** What the usual French headers suggest (Inscrits, Votants, Exprimés, Numéro, Circo, " - votes"…). */
export function guessMapping(columns: readonly string[]): MappingDraft {
  const communeColumn = find(columns, 'Code commune', 'Code de la commune', 'code_commune', 'commune');
  const suffix = [' - votes', ' - voix', ' voix', ' votes'].find((s) => columns.some((c) => c.endsWith(s) && c.length > s.length)) ?? '';
  return {
    stationColumn: find(columns, 'Code BV', 'Numéro', 'Numero', 'Bureau de vote', 'Code du b.vote', 'bureau', 'code_bv'),
    communeFrom: communeColumn ? 'column' : 'code',
    commune: '',
    communeColumn,
    constituencyColumn: find(columns, 'Circo', 'Circonscription', 'Code circonscription', 'Code de la circonscription'),
    registered: find(columns, 'Inscrits'),
    voters: find(columns, 'Votants'),
    abstentions: find(columns, 'Abstentions'),
    blank: find(columns, 'Blancs', 'Blanc'),
    null: find(columns, 'Nuls', 'Nul'),
    expressed: find(columns, 'Exprimés', 'Exprimes'),
    candidateSuffix: suffix,
  };
}

/** The columns a suffix makes candidates' votes, and the names they give. */
export function candidateColumns(columns: readonly string[], suffix: string): { column: string; name: string }[] {
  if (!suffix) return [];
  return columns.filter((c) => c.endsWith(suffix) && c.length > suffix.length).map((c) => ({ column: c, name: c.slice(0, -suffix.length).trim() }));
}

/** What is still missing for the API to read the file through this mapping (field names of MappingDraft). */
export function missingFields(draft: MappingDraft, columns: readonly string[]): string[] {
  const missing: string[] = [];
  if (!draft.stationColumn) missing.push('stationColumn');
  if (draft.communeFrom === 'code' && !/^[0-9][0-9AB][0-9]{3}$/i.test(draft.commune.trim())) missing.push('commune');
  if (draft.communeFrom === 'column' && !draft.communeColumn) missing.push('communeColumn');
  for (const field of COUNT_FIELDS) if (!OPTIONAL_COUNTS.includes(field) && !draft[field]) missing.push(field);
  if (candidateColumns(columns, draft.candidateSuffix).length === 0) missing.push('candidateSuffix');
  return missing;
}

/** The mapping as the API reads it (the `mapping-json` option); null while something is missing. */
export function mappingJson(draft: MappingDraft, columns: readonly string[]): string | null {
  if (missingFields(draft, columns).length > 0) return null;
  const mapping: Record<string, string> = {};
  if (draft.communeFrom === 'code') mapping.commune = draft.commune.trim().toUpperCase();
  else mapping.communeColumn = draft.communeColumn;
  mapping.stationColumn = draft.stationColumn;
  if (draft.constituencyColumn) mapping.constituencyColumn = draft.constituencyColumn;
  for (const field of COUNT_FIELDS) if (draft[field]) mapping[field] = draft[field];
  mapping.candidateSuffix = draft.candidateSuffix;
  return JSON.stringify(mapping);
}
