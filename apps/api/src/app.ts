import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@haoma/config';
import { AppModule } from './app.module';
import { annotateAccess } from './auth/openapi-access';
import { RouteAccessAudit } from './auth/route-access.audit';
import { AllExceptionsFilter, fastifyClientError } from './common/all-exceptions.filter';
import { createValidationPipe } from './common/validation';
import { registerQueueDashboard } from './operations/queue-dashboard';
import { registerUploadParsing } from './documents/upload-parsing';
import { keepRawBodies } from './payments/raw-body';
import { serveWebApp } from './web/serve-web';

const BODY_LIMIT = 1024 * 1024;

/** Builds the API application (not listening yet): used by main.ts and by the e2e tests. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({
      bodyLimit: BODY_LIMIT,
      trustProxy: false,
      // Errors Fastify raises before Nest sees the request (a broken URL encoding, a path
      // parameter too long) get the same JSON envelope as every other error.
      frameworkErrors: (error: FastifyError, _request: unknown, reply: FastifyReply) => {
        const body = fastifyClientError(error) ?? {
          statusCode: 400,
          code: 'MALFORMED_REQUEST',
          message: 'Bad request',
        };
        void reply.code(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
      },
    }),
    {
      bufferLogs: false,
      logger: [config.LOG_LEVEL === 'verbose' ? 'verbose' : config.LOG_LEVEL, 'error', 'warn', 'fatal'],
    },
  );
  // The Stripe webhook's signature is over the exact bytes: its body is kept raw.
  keepRawBodies(app, BODY_LIMIT);
  // Document uploads: multipart/form-data with the upload limits.
  await registerUploadParsing(app, config);
  // Bull Board at /admin/queues: Fastify routes behind their own admin check.
  await registerQueueDashboard(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Haoma API')
      .setDescription('The storefront and staff API of Haoma (号码), the shop for China’s 400 numbers.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  // Every operation says who may call it, from the decorators the access guard enforces.
  annotateAccess(document, app.get(RouteAccessAudit).routes());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  // The storefront and staff console, when built (npm run build): files + SPA fallback.
  await serveWebApp(app);
  return app;
}
