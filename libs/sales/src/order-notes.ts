import type { EntityManager } from 'typeorm';
import { recordAudit } from '@haoma/audit';
import { recordMessage } from '@haoma/notifications';
import { appendOutbox } from '@haoma/orders';
import { MAX_MENTIONS, parseMentions } from './mentions';
import { MENTION_TEMPLATE, mentionDedupeKey, renderMention } from './mention-notification';
import { requireOrder } from './order-detail';
import type { Page } from './pipeline-queries';
import { SalesError } from './sales-errors';

export const NOTE_MAX_LENGTH = 4000;

export interface OrderNoteView {
  id: string;
  orderId: string;
  author: { id: string; name: string; email: string };
  body: string;
  mentions: { id: string; name: string; email: string }[];
  createdAt: Date;
}

export interface AddNoteResult {
  note: OrderNoteView;
  /** The notifications queued, one per mentioned member (the author is not notified). */
  notificationIds: string[];
}

/**
 * Appends a note to an order. Mentions (`@email`, see parseMentions) must name active staff,
 * else MENTION_UNKNOWN lists them and nothing is written. Each mentioned member other than
 * the author gets one notification (dedupe key `note:<noteId>:<staffId>`), sent by the
 * `send-notification` job from the outbox once the note commits.
 */
export async function addOrderNote(
  manager: EntityManager,
  input: { orderId: string; authorId: string; body: string },
): Promise<AddNoteResult> {
  const body = input.body;
  if (!body.trim() || body.length > NOTE_MAX_LENGTH)
    throw new SalesError('INVALID_QUERY', `A note has 1 to ${NOTE_MAX_LENGTH} characters.`);
  const parsed = parseMentions(body);
  const staff: { id: string; email: string; name: string }[] = parsed.emails.length
    ? await manager.query(
        `SELECT id, email, name FROM staff_members WHERE email = ANY($1::text[]) AND active`,
        [parsed.emails],
      )
    : [];
  const found = new Set(staff.map((s) => s.email));
  const unknown = [...parsed.invalid, ...parsed.emails.filter((e) => !found.has(e))];
  if (unknown.length)
    throw new SalesError(
      'MENTION_UNKNOWN',
      `No active staff member for ${unknown.map((u) => `@${u}`).join(', ')}: mention staff by email, @name@haoma.cn.`,
      { mentions: unknown },
    );
  if (parsed.emails.length > MAX_MENTIONS)
    throw new SalesError('INVALID_QUERY', `A note may mention at most ${MAX_MENTIONS} people.`);

  const order = await requireOrder(manager, input.orderId);
  const byEmail = new Map(staff.map((s) => [s.email, s]));
  const mentioned = parsed.emails.flatMap((email) => byEmail.get(email) ?? []);
  const rows: { id: string; created_at: Date }[] = await manager.query(
    `INSERT INTO order_notes (order_id, author_id, body, mentions) VALUES ($1, $2, $3, $4::uuid[])
     RETURNING id, created_at`,
    [order.id, input.authorId, body, mentioned.map((m) => m.id)],
  );
  const inserted = rows[0];
  if (!inserted) throw new Error('order_notes INSERT returned no row');
  const noteId = String(inserted.id);
  const authors: { id: string; name: string; email: string }[] = await manager.query(
    `SELECT id, name, email FROM staff_members WHERE id = $1`,
    [input.authorId],
  );
  const author = authors[0] ?? { id: input.authorId, name: '', email: '' };

  const notificationIds: string[] = [];
  for (const member of mentioned) {
    if (member.id === input.authorId) continue;
    const message = renderMention({
      recipientName: member.name,
      authorName: author.name,
      orderId: order.id,
      orderNo: String(order.order_no),
      number: order.number,
      body,
    });
    const notificationId = await recordMessage(manager, order.id, {
      dedupeKey: mentionDedupeKey(noteId, member.id),
      template: MENTION_TEMPLATE,
      recipient: member.email,
      subject: message.subject,
      body: message.body,
    });
    if (!notificationId) continue;
    await appendOutbox(manager, 'send-notification', { notificationId });
    notificationIds.push(notificationId);
  }
  await recordAudit(manager, {
    action: 'order.note_added',
    targetType: 'order',
    targetId: order.id,
    before: null,
    after: { noteId, mentions: mentioned.map((m) => m.id), length: body.length },
  });
  return {
    note: {
      id: noteId,
      orderId: order.id,
      author,
      body,
      mentions: mentioned.map((m) => ({ id: m.id, name: m.name, email: m.email })),
      createdAt: inserted.created_at,
    },
    notificationIds,
  };
}

const NOTE_CURSOR = /^n1\|(\d{1,19})$/;

/** The order's notes, newest first, keyset-paginated on the note id. */
export async function listOrderNotes(
  manager: EntityManager,
  input: { orderId: string; limit: number; cursor?: string },
): Promise<Page<OrderNoteView>> {
  let before: string | null = null;
  if (input.cursor !== undefined) {
    const match = /^[A-Za-z0-9_-]{1,60}$/.test(input.cursor)
      ? NOTE_CURSOR.exec(Buffer.from(input.cursor, 'base64url').toString('utf8'))
      : null;
    if (!match?.[1]) throw new SalesError('INVALID_QUERY', 'The cursor is not one this list handed out.');
    before = match[1];
  }
  await requireOrder(manager, input.orderId);
  const rows: {
    id: string;
    order_id: string;
    author_id: string;
    author_name: string;
    author_email: string;
    body: string;
    mentions: { id: string; name: string; email: string }[];
    created_at: Date;
  }[] = await manager.query(
    `SELECT n.id, n.order_id, n.author_id, a.name AS author_name, a.email AS author_email, n.body, n.created_at,
            COALESCE((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'name', s.name, 'email', s.email)
                                      ORDER BY array_position(n.mentions, s.id))
                        FROM staff_members s WHERE s.id = ANY(n.mentions)), '[]'::jsonb) AS mentions
       FROM order_notes n JOIN staff_members a ON a.id = n.author_id
      WHERE n.order_id = $1 AND ($2::bigint IS NULL OR n.id < $2::bigint)
      ORDER BY n.id DESC LIMIT $3`,
    [input.orderId, before, input.limit + 1],
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: String(r.id),
      orderId: r.order_id,
      author: { id: r.author_id, name: r.author_name, email: r.author_email },
      body: r.body,
      mentions: r.mentions,
      createdAt: r.created_at,
    })),
    nextCursor:
      rows.length > input.limit && last ? Buffer.from(`n1|${last.id}`, 'utf8').toString('base64url') : null,
  };
}
