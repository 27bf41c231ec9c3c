import { randomUUID } from 'node:crypto';
import { isPermanentMailError } from './mail-transport';
import { SmtpMailTransport } from './smtp-mail.transport';
import { startSmtpStandIn, type SmtpStandIn } from './smtp-stand-in.spec-helper';

describe('SmtpMailTransport against a local SMTP server', () => {
  let smtp: SmtpStandIn;
  let transport: SmtpMailTransport;

  beforeEach(async () => {
    smtp = await startSmtpStandIn();
    transport = new SmtpMailTransport(smtp.url, 'Haoma 号码 <no-reply@haoma.local>');
  });
  afterEach(async () => {
    await transport.close();
    await smtp.close();
  });

  const message = (id: string) => ({
    id,
    to: 'buyer@example.com',
    subject: '订单已取消 / Order cancelled',
    text: '张三，您好：\n\nDear 张三,\n',
  });

  it('delivers the message with the envelope, the subject and a Message-ID made from the notification id', async () => {
    const id = randomUUID();
    await transport.send(message(id));
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail).toMatchObject({
      from: 'no-reply@haoma.local',
      to: ['buyer@example.com'],
      messageId: `<${id}@haoma>`,
    });
    expect(mail?.raw).toMatch(/^Subject: =\?UTF-8\?/m);
  });

  it('sends a retried notification with the same Message-ID, so the receiver can drop the copy', async () => {
    const id = randomUUID();
    await transport.send(message(id));
    await transport.send(message(id));
    expect(smtp.received.map((m) => m.messageId)).toEqual([`<${id}@haoma>`, `<${id}@haoma>`]);
  });

  it('reports a refused recipient (5xx) as permanent', async () => {
    smtp.rejectRecipientsWith = 550;
    const error = await transport.send(message(randomUUID())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isPermanentMailError(error)).toBe(true);
  });

  it('reports a temporary refusal (4xx) and an unreachable server as worth retrying', async () => {
    smtp.rejectRecipientsWith = 451;
    const temporary = await transport.send(message(randomUUID())).catch((e: unknown) => e);
    expect(temporary).toBeInstanceOf(Error);
    expect(isPermanentMailError(temporary)).toBe(false);

    const url = smtp.url;
    await smtp.close();
    const unreachable = new SmtpMailTransport(url, 'no-reply@haoma.local');
    const refused = await unreachable.send(message(randomUUID())).catch((e: unknown) => e);
    await unreachable.close();
    // Thrown by the socket layer (another realm under Jest): compare by its code.
    expect((refused as { code?: string }).code).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(isPermanentMailError(refused)).toBe(false);
    smtp = await startSmtpStandIn(); // for afterEach
  });
});
