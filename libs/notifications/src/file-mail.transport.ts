import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import { messageIdOf, type MailMessage, type MailTransport } from './mail-transport';

/**
 * Writes each message as an RFC 822 `.eml` file named after the notification id into a
 * folder (development, tests, or a shop without an SMTP server). The file is written under a
 * temporary name and renamed into place, so a reader never sees half a message and a retried
 * send replaces the file instead of adding a second one.
 */
export class FileMailTransport implements MailTransport {
  readonly name = 'file' as const;
  readonly dir: string;
  private readonly composer: Transporter<StreamTransport.SentMessageInfo>;

  constructor(
    dir: string,
    private readonly from: string,
  ) {
    this.dir = resolve(dir);
    // nodemailer's stream transport only composes the message (MIME, encoded headers).
    this.composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  /** The file a notification is written to. */
  fileOf(notificationId: string): string {
    if (!/^[0-9a-zA-Z-]+$/.test(notificationId)) throw new Error(`not a notification id: ${notificationId}`);
    return join(this.dir, `${notificationId}.eml`);
  }

  async send(message: MailMessage): Promise<void> {
    const target = this.fileOf(message.id);
    const info = await this.composer.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: messageIdOf(message.id),
    });
    await mkdir(this.dir, { recursive: true });
    const temporary = join(this.dir, `.${message.id}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, info.message as Buffer);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}
