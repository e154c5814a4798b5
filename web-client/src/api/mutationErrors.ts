/**
 * Errors a mutation payload reports: ValidationError (with field) or DomainError; the forms' own checks use the
 * same shape (with a code and no message). What the user reads is the code's translation.
 */
export interface PayloadError {
  __typename?: string;
  code: string;
  message?: string;
  field?: string | null;
}

/** A payload's errors as the forms keep them: DomainError has no field. */
export function toPayloadErrors(errors: readonly PayloadError[]): PayloadError[] {
  return errors.map((e) => ({ ...e, field: 'field' in e ? e.field : null }));
}

export interface SplitErrors {
  /** Validation errors by the known path they fall under. */
  byField: Record<string, PayloadError[]>;
  /** Domain errors and validation errors on fields the form does not show. */
  general: PayloadError[];
}

/**
 * Files payload errors under the fields a form shows, matching the client path the API names ("address.postalCode"):
 * an error goes to the longest known path equal to its field or containing it ("address.line2" → "address"
 * when only "address" is shown); the others are general.
 */
export function splitPayloadErrors(errors: readonly PayloadError[], knownPaths: readonly string[]): SplitErrors {
  const result: SplitErrors = { byField: {}, general: [] };
  for (const error of errors) {
    const field = error.field ?? '';
    const path = knownPaths
      .filter((p) => field === p || field.startsWith(`${p}.`) || field.startsWith(`${p}[`))
      .sort((a, b) => b.length - a.length)[0];
    if (field && path) {
      (result.byField[path] ??= []).push(error);
    } else {
      result.general.push(error);
    }
  }
  return result;
}
