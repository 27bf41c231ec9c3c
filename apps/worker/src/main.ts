import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@haoma/config';
import { QUEUE_NAMES } from '@haoma/jobs';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: [config.LOG_LEVEL === 'verbose' ? 'verbose' : config.LOG_LEVEL, 'error', 'warn', 'fatal'],
  });
  app.enableShutdownHooks();
  new Logger('Worker').log(`worker ready (queues on ${config.QUEUE_BACKEND}: ${QUEUE_NAMES.join(', ')})`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Worker').fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
