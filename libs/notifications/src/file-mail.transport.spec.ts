import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileMailTransport } from './file-mail.transport';

// Decodes a quoted-printable or base64 MIME part body back to text.
function decodeBody(eml: string): string {
  const [head = '', ...rest] = eml.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

describe('FileMailTransport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'haoma-mail-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const message = (id: string) => ({
    id,
    to: 'buyer@example.com',
    subject: '号码 400-812-3456 已为您保留 / Number 400-812-3456 is held for you',
    text: '张三，您好：\n\n号码已保留。\n\nDear 张三,\n\nThe number is held.\n',
  });

  it('writes one RFC 822 file named after the notification, with its Message-ID', async () => {
    const transport = new FileMailTransport(join(dir, 'mail'), 'Haoma 号码 <no-reply@haoma.local>');
    const id = randomUUID();
    await transport.send(message(id));
    expect(await readdir(join(dir, 'mail'))).toEqual([`${id}.eml`]);
    const eml = await readFile(join(dir, 'mail', `${id}.eml`), 'utf8');
    expect(eml).toContain(`Message-ID: <${id}@haoma>`);
    expect(eml).toContain('To: buyer@example.com');
    expect(eml).toMatch(/^From: =\?UTF-8\?.*<no-reply@haoma\.local>$/m);
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(eml).toMatch(/^Date: /m);
    expect(eml).toContain('\r\n'); // RFC 822 line ends
    expect(decodeBody(eml)).toBe(message(id).text.replace(/\n/g, '\r\n'));
    await transport.close();
  });

  it('writes exactly one file per notification however often, and however concurrently, it is sent', async () => {
    const transport = new FileMailTransport(dir, 'no-reply@haoma.local');
    const [a, b] = [randomUUID(), randomUUID()];
    await transport.send(message(a));
    await transport.send(message(a));
    await Promise.all([transport.send(message(b)), transport.send(message(b)), transport.send(message(b))]);
    expect((await readdir(dir)).sort()).toEqual([`${a}.eml`, `${b}.eml`].sort());
  });

  it('refuses an id that is not a plain identifier (no path tricks)', async () => {
    const transport = new FileMailTransport(dir, 'no-reply@haoma.local');
    await expect(transport.send(message('../../etc/passwd'))).rejects.toThrow(/not a notification id/);
    expect(await readdir(dir)).toEqual([]);
  });
});
