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
