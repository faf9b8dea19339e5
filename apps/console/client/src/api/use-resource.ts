import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api-error';

export interface Resource<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload(): void;
}

/** Loads what a page shows, again when its inputs change or reload() is called. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    stableLoad(controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((s) => ({
          ...s,
          loading: false,
          error: error instanceof ApiError ? error : new ApiError(0, 'ERROR', String(error)),
        }));
      },
    );
    return () => controller.abort();
  }, [stableLoad, generation]);
  return { ...state, reload: () => setGeneration((g) => g + 1) };
}
