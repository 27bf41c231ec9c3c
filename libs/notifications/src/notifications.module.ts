import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@haoma/config';
import { FileMailTransport } from './file-mail.transport';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { SmtpMailTransport } from './smtp-mail.transport';

/** SMTP when `SMTP_URL` is set, otherwise one .eml file per message in `MAIL_DIR`. */
export function createMailTransport(config: AppConfig): MailTransport {
  return config.SMTP_URL
    ? new SmtpMailTransport(config.SMTP_URL, config.MAIL_FROM)
    : new FileMailTransport(config.MAIL_DIR, config.MAIL_FROM);
}

/** Provides the process's MailTransport (`MAIL_TRANSPORT`) and closes it at shutdown. */
@Module({
  providers: [{ provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: createMailTransport }],
  exports: [MAIL_TRANSPORT],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
