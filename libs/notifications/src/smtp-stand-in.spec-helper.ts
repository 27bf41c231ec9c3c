// A local SMTP server standing in for the shop's mail server in tests (smtp-server, the
// library nodemailer's author maintains for this): it records every message it accepts.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  messageId: string | undefined;
}

export interface SmtpStandIn {
  url: string;
  received: ReceivedMail[];
  /** Messages whose DATA has begun (the sender is waiting for the reply). */
  inFlight: number;
  /** Reply to the next messages after this many ms (a slow server). */
  delayMs: number;
  /** Refuse recipients with this SMTP reply code (e.g. 550). */
  rejectRecipientsWith: number | undefined;
  close(): Promise<void>;
}

export async function startSmtpStandIn(port = 0): Promise<SmtpStandIn> {
  const state: SmtpStandIn = {
    url: '',
    received: [],
    inFlight: 0,
    delayMs: 0,
    rejectRecipientsWith: undefined,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (state.rejectRecipientsWith) {
        const error = Object.assign(new Error(`mailbox ${address.address} unavailable`), {
          responseCode: state.rejectRecipientsWith,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      state.inFlight += 1;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        setTimeout(() => {
          state.inFlight -= 1;
          state.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            messageId: /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim(),
          });
          callback();
        }, state.delayMs);
      });
    },
  });
  server.listen(port, '127.0.0.1');
  await once(server.server, 'listening');
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}
