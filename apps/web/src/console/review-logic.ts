import type { RejectionReasonCode } from '@haoma/domain';

/** What a key press asks of the review screen. */
export type ReviewCommand = 'next' | 'previous' | 'approve' | 'reject';

const KEYS: Readonly<Record<string, ReviewCommand>> = { j: 'next', k: 'previous', a: 'approve', r: 'reject' };

/**
 * The command of a key press on the review screen (j/k as in mail readers), or undefined.
 * Keys typed into a field are text, not commands; a modifier means a browser shortcut.
 */
export function reviewCommandOf(event: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: unknown;
}): ReviewCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null | undefined;
  const tag = target?.tagName?.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable)
    return undefined;
  return KEYS[event.key];
}

/** The index `step` away in a list of `length`, kept inside it. */
export function stepIndex(index: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  return Math.min(length - 1, Math.max(0, index + step));
}

/** A reviewer's verdict on one document: a reason code, and their own words if any. */
export interface DocumentVerdict {
  readonly code?: RejectionReasonCode;
  readonly text?: string;
}

export interface RejectionReasonBody {
  target: string;
  documentId: string;
  code: RejectionReasonCode;
  text?: string;
}

/** The `reasons` of a rejection: one per document the reviewer gave a reason for, in document order. */
export function rejectionReasons(
  documents: readonly { id: string; kind: string }[],
  verdicts: Readonly<Record<string, DocumentVerdict>>,
): RejectionReasonBody[] {
  return documents.flatMap((doc) => {
    const verdict = verdicts[doc.id];
    if (!verdict?.code) return [];
    const text = verdict.text?.trim();
    return [{ target: doc.kind, documentId: doc.id, code: verdict.code, ...(text ? { text } : {}) }];
  });
}

/** One line of the form as the reviewer reads it: the dotted path and the value. */
export interface FormRow {
  readonly path: string;
  readonly value: string;
}

/**
 * The dossier form (nested objects and lists) as rows to set beside the documents:
 * `company.uscc`, `destinations.0.number`… Empty values are shown as `—` so a missing field
 * is visible rather than absent.
 */
export function formRows(form: unknown, prefix = ''): FormRow[] {
  if (form === null || form === undefined || form === '') return prefix ? [{ path: prefix, value: '—' }] : [];
  if (typeof form !== 'object') return [{ path: prefix, value: String(form) }];
  const entries = Array.isArray(form) ? form.map((v, i) => [String(i), v] as const) : Object.entries(form);
  if (entries.length === 0) return prefix ? [{ path: prefix, value: '—' }] : [];
  return entries.flatMap(([key, value]) => formRows(value, prefix ? `${prefix}.${key}` : key));
}
