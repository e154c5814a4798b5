/** One entry of the top-level `errors` array of a GraphQL response. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
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

  /** The most relevant code, for choosing a message. */
  get primaryCode(): ErrorCode {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'NETWORK', 'HTTP']) {
      if (this.hasCode(code)) return code;
    }
    return this.codes[0] ?? 'UNKNOWN';
  }
}
