import { useCallback, useEffect, useRef, useState } from 'react';

/** The result of an openapi-fetch call: the data, or the thrown error envelope. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok)
    throw error ?? { statusCode: response.status, code: 'HTTP_ERROR', message: response.statusText };
  return data as T;
}

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
  readonly setData: (data: T) => void;
}

interface Answer<T> {
  readonly key: string;
  readonly round: number;
  readonly data?: T;
  readonly error?: unknown;
}

/**
 * Loads `load()` when `key` changes (and on `reload()`), dropping answers to stale keys: a
 * fast click through two orders must not show the first one's answer on the second page.
 * While reloading the same key, the last answer stays on screen.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [answer, setAnswer] = useState<Answer<T> | undefined>();
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    let live = true;
    loader.current().then(
      (data) => live && setAnswer({ key, round, data }),
      (error: unknown) => live && setAnswer({ key, round, error }),
    );
    return () => {
      live = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const setData = useCallback((data: T) => setAnswer({ key, round, data }), [key, round]);
  const current = answer?.key === key ? answer : undefined;
  return {
    data: current?.data,
    error: current?.error,
    loading: !current || current.round !== round,
    reload,
    setData,
  };
}
