import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';

/** Routes whose JSON body stays the bytes received: a signature is computed over them. */
export const RAW_BODY_ROUTES: ReadonlySet<string> = new Set(['/api/v1/webhooks/stripe']);

/**
 * Replaces the JSON body parser with one that leaves the bodies of RAW_BODY_ROUTES as a
 * Buffer (not parsed, so a signed but broken body reaches the signature check and gets its
 * own answer) and parses every other body exactly as Fastify's default parser does. Must be
 * called before the app initialises.
 */
export function keepRawBodies(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser(
    onProtoPoisoning ?? 'error',
    onConstructorPoisoning ?? 'error',
  );
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    if (RAW_BODY_ROUTES.has(request.routeOptions.url ?? '')) {
      done(null, body);
      return;
    }
    void parseJson(request, body.toString('utf8'), done);
  });
}
