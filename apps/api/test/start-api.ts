import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@haoma/config';
import { createApiApp } from '../src/app';

/** The API listening on a free loopback port, as the e2e suites talk to it. */
export async function startApi(config: AppConfig): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}
