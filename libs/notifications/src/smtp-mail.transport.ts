import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { messageIdOf, type MailMessage, type MailTransport } from './mail-transport';

/**
 * Sends through an SMTP server (`SMTP_URL`, `smtp://` or `smtps://`) over a small pool of
 * connections. Timeouts are short so that a dead server fails the job (which is retried)
 * instead of holding it for minutes. Every send of one notification carries the same
 * Message-ID, which receiving servers use to drop the copy a retry may produce.
 */
export class SmtpMailTransport implements MailTransport {
  readonly name = 'smtp' as const;
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo>;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    const parsed = new URL(url);
    this.transporter = createTransport({
      pool: true,
      maxConnections: 3,
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : parsed.protocol === 'smtps:' ? 465 : 587,
      secure: parsed.protocol === 'smtps:',
      ...(parsed.username
        ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
        : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: messageIdOf(message.id),
    });
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
