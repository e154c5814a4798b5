/** One entry of the top-level `errors` array of a GraphQL response. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * One refused field of a query. A query has no payload for field errors: a VALIDATION_FAILED error carries each
 * refused field, with its own code, in `extensions.data.fields` (a mutation reports them in its payload instead).
 */
export interface GraphQLFieldError {
  field: string;
  code: string;
  message: string;
}

/** The refused fields of one error entry (none when it carries none, or not in the expected shape). */
function fieldsOf(entry: GraphQLErrorEntry): GraphQLFieldError[] {
  const data = entry.extensions?.data;
  const fields = data && typeof data === 'object' ? (data as { fields?: unknown }).fields : undefined;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((f: unknown) => {
    if (!f || typeof f !== 'object') return [];
    const { field, code, message } = f as Record<string, unknown>;
    if (typeof code !== 'string' || !code) return [];
    return [{ field: typeof field === 'string' ? field : '', code, message: typeof message === 'string' ? message : '' }];
  });
}

/** Error codes the client reacts to; the server may send others. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'NETWORK'
  | 'HTTP'
  | (string & {});

/** A failed request: network/HTTP failure, or top-level GraphQL errors. */
export class ApiError extends Error {
  readonly errors: readonly GraphQLErrorEntry[];
  readonly status: number | undefined;

  constructor(message: string, errors: readonly GraphQLErrorEntry[], status?: number) {
    super(message);
    this.name = 'ApiError';
    this.errors = errors;
    this.status = status;
  }

  /** Codes of all errors (extensions.code), NETWORK/HTTP for transport failures. */
  get codes(): ErrorCode[] {
    return this.errors.map((e) => e.extensions?.code ?? 'UNKNOWN');
  }

  hasCode(code: ErrorCode): boolean {
    return this.codes.includes(code);
  }

  /** True when one error is about the given response path prefix (e.g. ['peopleOf']). */
  hasCodeAt(code: ErrorCode, pathPrefix: ReadonlyArray<string | number>): boolean {
    return this.errors.some(
      (e) =>
        (e.extensions?.code ?? 'UNKNOWN') === code &&
        pathPrefix.every((segment, i) => e.path?.[i] === segment),
    );
  }

  /** The refused fields of the query's VALIDATION_FAILED errors, each with its own code. */
  get fieldErrors(): GraphQLFieldError[] {
    return this.errors.flatMap(fieldsOf);
  }

  /** The most relevant code, for choosing a message. */
  get primaryCode(): ErrorCode {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'NETWORK', 'HTTP']) {
      if (this.hasCode(code)) return code;
    }
    return this.codes[0] ?? 'UNKNOWN';
  }
}

/** An error as the interface says it: a code, the API's (English) message, and the field it is about, if any. */
export interface ErrorEntry {
  code: string;
  message: string;
  field: string | null;
}

/**
 * Every error of a failed request as the interface says it: a VALIDATION_FAILED that names its refused fields becomes
 * one entry per field, with that field's own code (`segmentCount`'s "definition.area": FILTER_NOT_ALLOWED), so the
 * field's reason is shown rather than a generic "some values were refused"; the others keep their code. The entries
 * have the shape of a payload's errors: forms file them under their fields with splitPayloadErrors.
 */
export function errorEntries(error: ApiError | undefined): ErrorEntry[] {
  if (!error) return [];
  return error.errors.flatMap((e) => {
    const fields = fieldsOf(e);
    if (fields.length) return fields.map((f) => ({ code: f.code, message: f.message, field: f.field || null }));
    return [{ code: e.extensions?.code ?? 'UNKNOWN', message: e.message, field: null }];
  });
}

/** The codes to say for a failed request, once each: its primary code, or for refused values the fields' own codes. */
export function displayCodes(error: ApiError): string[] {
  const primary = error.primaryCode;
  const fields = primary === 'VALIDATION_FAILED' ? error.fieldErrors.map((f) => f.code) : [];
  return fields.length ? [...new Set(fields)] : [primary];
}
