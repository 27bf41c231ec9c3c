import { useCallback, useEffect, useRef, useState } from 'react';
import { staffClient } from '../auth/authed-client';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import type { Locale, MessageId } from '../i18n/messages';
import { consoleText, type ConsoleMessageId } from './console-messages';

export type StaffRole = 'sales' | 'reviewer' | 'admin';

/** The console's texts in the chosen language, and the shop's own (grades, carriers). */
export function useConsoleText(): {
  locale: Locale;
  t: (id: ConsoleMessageId, values?: Readonly<Record<string, string | number>>) => string;
  shop: (id: MessageId) => string;
} {
  const { locale, t: shop } = useI18n();
  const t = useCallback(
    (id: ConsoleMessageId, values?: Readonly<Record<string, string | number>>) =>
      consoleText(locale, id, values),
    [locale],
  );
  return { locale, t, shop: (id) => shop(id) };
}

/** The signed-in staff member (null when signed out) with their role. */
export function useStaff() {
  const state = useSession('staff');
  const account = state.session?.account;
  const role = (account?.role ?? null) as StaffRole | null;
  return { ...state, account, role };
}

/** The typed client signed in as staff (refreshes its token itself). */
export const consoleApi = staffClient;

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/**
 * The result of `load`, re-run when `key` changes or on `reload()`; an answer that arrives
 * after a newer request started is dropped (its signal is aborted).
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> {
  const [round, setRound] = useState(0);
  const token = `${key}#${round}`;
  // The latest answer and the request it answers: loading until it answers this one. The
  // previous data stays on screen meanwhile, so a refresh after an action does not flicker.
  const [state, setState] = useState<{ token: string; data: T | undefined; error: unknown }>();
  // `load` is a new closure each render; `key` says when what it loads changed.
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    const controller = new AbortController();
    loader.current(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ token, data, error: undefined }),
      (error: unknown) => !controller.signal.aborted && setState({ token, data: undefined, error }),
    );
    return () => controller.abort();
  }, [token]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state?.data, error: state?.error, loading: state?.token !== token, reload };
}

/** openapi-fetch's `{ data, error }` as a value or a thrown API error body. */
export function unwrap<T>(result: { data?: T; error?: unknown }): T {
  if (result.data !== undefined) return result.data;
  throw result.error ?? new Error('empty answer');
}
