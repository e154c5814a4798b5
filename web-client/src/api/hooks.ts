import { useCallback, useEffect, useRef, useState } from 'react';
import { executeGraphQL, type TypedDocument } from './client';
import { ApiError } from './errors';

export interface QueryState<TResult> {
  data: TResult | null | undefined;
  error: ApiError | undefined;
  loading: boolean;
  refetch: () => void;
  /** Replaces the data with a newer copy, e.g. what a mutation answered (no request, nothing logged twice). */
  setData: (data: TResult) => void;
}

function toApiError(cause: unknown): ApiError {
  return cause instanceof ApiError
    ? cause
    : new ApiError(String(cause), [{ message: String(cause), extensions: { code: 'NETWORK' } }]);
}

/** Runs a query whenever its variables change; stale answers are dropped. */
export function useQuery<TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  variables: TVariables,
  options: { skip?: boolean } = {},
): QueryState<TResult> {
  const skip = options.skip ?? false;
  const key = JSON.stringify(variables ?? {});
  const [state, setState] = useState<Omit<QueryState<TResult>, 'refetch' | 'setData'>>({
    data: undefined,
    error: undefined,
    loading: !skip,
  });
  const [version, setVersion] = useState(0);
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  useEffect(() => {
    if (skip) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    executeGraphQL(document, variablesRef.current, { signal: controller.signal }).then(
      (result) => {
        if (!controller.signal.aborted) setState({ data: result.data, error: result.error, loading: false });
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setState({ data: undefined, error: toApiError(cause), loading: false });
      },
    );
    return () => controller.abort();
  }, [document, key, skip, version]);

  const refetch = useCallback(() => setVersion((v) => v + 1), []);
  const setData = useCallback((data: TResult) => setState((s) => ({ ...s, data, error: undefined })), []);
  return { ...state, refetch, setData };
}

export interface MutationState<TResult> {
  data: TResult | null | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Returns a function running the mutation; it resolves with the data (or undefined on failure). */
export function useMutation<TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
): [(variables: TVariables) => Promise<TResult | null | undefined>, MutationState<TResult>] {
  const [state, setState] = useState<MutationState<TResult>>({ data: undefined, error: undefined, loading: false });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (variables: TVariables) => {
      setState({ data: undefined, error: undefined, loading: true });
      try {
        const result = await executeGraphQL(document, variables);
        if (mounted.current) setState({ data: result.data, error: result.error, loading: false });
        return result.error ? undefined : result.data;
      } catch (cause) {
        if (mounted.current) setState({ data: undefined, error: toApiError(cause), loading: false });
        return undefined;
      }
    },
    [document],
  );
  return [run, state];
}

/** Returns value once it has not changed for delayMs. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
