/** One email to send; `id` is the notification's id and makes every send of it the same message. */
export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Where email goes: an SMTP server, or a local folder of .eml files when none is configured.
 * `send` may be called more than once for one message (a retried job): implementations make
 * that harmless (one file per id; one Message-ID, which receiving servers deduplicate on).
 */
export interface MailTransport {
  /** Recorded on the notification: `smtp` or `file`. */
  readonly name: 'smtp' | 'file';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** Injection token of the process's MailTransport. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** The Message-ID of a notification: stable across retries, so duplicates can be recognised. */
export function messageIdOf(notificationId: string): string {
  return `<${notificationId}@haoma>`;
}

/**
 * Whether a send failed for good: an SMTP 5xx reply (unknown mailbox, refused message) will
 * not succeed on retry, unlike a timeout, a refused connection or a 4xx reply.
 */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
