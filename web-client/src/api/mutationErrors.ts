/** Errors a mutation payload reports: ValidationError (with field) or DomainError. */
export interface PayloadError {
  __typename?: string;
  code: string;
  message: string;
  field?: string | null;
}

export interface SplitErrors {
  /** Validation errors by normalised field name (last segment, lower-case first letter). */
  byField: Record<string, PayloadError[]>;
  /** Domain errors and validation errors on fields the form does not show. */
  general: PayloadError[];
}

export function normaliseField(field: string): string {
  const last = field.split('.').pop() ?? field;
  return last.charAt(0).toLowerCase() + last.slice(1);
}

export function splitPayloadErrors(errors: readonly PayloadError[], knownFields: readonly string[]): SplitErrors {
  const result: SplitErrors = { byField: {}, general: [] };
  for (const error of errors) {
    const field = error.field ? normaliseField(error.field) : undefined;
    if (field && knownFields.includes(field)) {
      (result.byField[field] ??= []).push(error);
    } else {
      result.general.push(error);
    }
  }
  return result;
}

/**
 * Like splitPayloadErrors, but matching the full client path the API names ("address.postalCode"):
 * an error goes to the longest known path equal to its field or containing it ("address.line2" → "address"
 * when only "address" is shown); the others are general.
 */
export function splitPayloadErrorsByPath(errors: readonly PayloadError[], knownPaths: readonly string[]): SplitErrors {
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
