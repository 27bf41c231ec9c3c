import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@haoma/config';
import { QUEUE_NAMES } from '@haoma/jobs';
import { GracefulShutdown } from './boot/graceful-shutdown';
import { WorkerModule } from './worker.module';

// Once jobs were handed back, the connections they still hold can keep the close waiting:
// their transactions roll back and their jobs run again elsewhere, so leaving loses nothing.
const HANDED_BACK_EXIT_MS = 2_000;
// Beyond the grace for running jobs: closing the connections must not hang the exit forever.
const CLOSE_MARGIN_MS = 15_000;

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: [config.LOG_LEVEL === 'verbose' ? 'verbose' : config.LOG_LEVEL, 'error', 'warn', 'fatal'],
  });
  const logger = new Logger('Worker');
  // SIGTERM / SIGINT: stop taking jobs, let running ones finish (SHUTDOWN_GRACE), close, exit 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  const shutdown = app.get(GracefulShutdown);
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      setTimeout(() => {
        if (!shutdown.handedBack) return;
        logger.warn('exiting without waiting for the connections of handed-back jobs');
        process.exit(0);
      }, config.SHUTDOWN_GRACE + HANDED_BACK_EXIT_MS).unref();
      setTimeout(() => {
        logger.fatal('shutdown did not finish in time; exiting');
        process.exit(1);
      }, config.SHUTDOWN_GRACE + CLOSE_MARGIN_MS).unref();
    });
  logger.log(`worker ready (queues on ${config.QUEUE_BACKEND}: ${QUEUE_NAMES.join(', ')})`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Worker').fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
