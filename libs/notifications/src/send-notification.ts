import type { EntityManager } from 'typeorm';
import { isPermanentMailError, type MailTransport } from './mail-transport';

/** What sending one notification did. */
export type SendNotificationResult =
  | { outcome: 'sent'; transport: MailTransport['name'] }
  /** Nothing sent: the notification does not exist, or was already sent or given up on. */
  | { outcome: 'skipped'; status: 'missing' | 'sent' | 'failed' };

interface NotificationRow {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'failed';
}

/**
 * Sends one recorded notification and records the outcome. A notification already sent is
 * skipped, so a duplicated job sends nothing. On failure the attempt and error are recorded
 * and the error is rethrown for the queue to retry; on the last attempt (`finalAttempt`),
 * or when the failure is permanent (an SMTP 5xx reply), the notification is marked `failed`.
 * A crash between sending and recording re-sends on retry: the transports make that copy
 * harmless (same file, same Message-ID).
 */
export async function sendNotification(
  manager: EntityManager,
  transport: MailTransport,
  notificationId: string,
  options: { finalAttempt: boolean },
): Promise<SendNotificationResult> {
  const rows: NotificationRow[] = await manager.query(
    `SELECT id, recipient, subject, body, status FROM notifications WHERE id = $1`,
    [notificationId],
  );
  const row = rows[0];
  if (!row) return { outcome: 'skipped', status: 'missing' };
  if (row.status !== 'pending') return { outcome: 'skipped', status: row.status };

  try {
    await transport.send({ id: row.id, to: row.recipient, subject: row.subject, text: row.body });
  } catch (error) {
    const giveUp = options.finalAttempt || isPermanentMailError(error);
    await manager.query(
      `UPDATE notifications
          SET attempts = attempts + 1, last_error = left($2, 2000), transport = $3,
              status = CASE WHEN $4::boolean THEN 'failed' ELSE status END
        WHERE id = $1 AND status = 'pending'`,
      [row.id, error instanceof Error ? error.message : String(error), transport.name, giveUp],
    );
    throw error;
  }
  await manager.query(
    `UPDATE notifications
        SET status = 'sent', sent_at = now(), transport = $2, attempts = attempts + 1, last_error = NULL
      WHERE id = $1 AND status = 'pending'`,
    [row.id, transport.name],
  );
  return { outcome: 'sent', transport: transport.name };
}
