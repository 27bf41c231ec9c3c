import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@haoma/config';
import { createApiApp } from './app';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  const url = config.PUBLIC_URL ?? (await app.getUrl()).replace('[::1]', 'localhost');
  new Logger('Api').log(`API ready at ${url} (docs ${url}/docs, health ${url}/health)`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Api').fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
