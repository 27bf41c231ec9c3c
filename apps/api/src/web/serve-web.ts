import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fastifyClientError } from '../common/all-exceptions.filter';

/** Paths of the API itself: never answered with the web app, so their 404s stay JSON. */
export const NOT_WEB_PREFIXES = ['/api', '/docs', '/health', '/admin/queues', '/sandbox'] as const;

/** Vite names built assets by content hash: a changed file is a new URL, so they never go stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the current assets: always revalidated, so a deploy is seen at once.
const REVALIDATE = 'no-cache';

/**
 * Where `npm run build` puts the web app: dist/apps/web under the repository root (the
 * nearest folder above this file with a package.json), found the same way whether the API
 * runs from dist/ or from its TypeScript sources.
 */
export function builtWebRoot(from = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'apps', 'web');
    if (dirname(dir) === dir) return undefined;
  }
}

// Fastify's router answers 414 for a path parameter longer than this (its maxParamLength);
// the fallback route below would otherwise catch such API paths and answer a plain 404.
const MAX_PARAM_LENGTH = 100;

const isApiPath = (path: string) =>
  NOT_WEB_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Serves the built web app: its files, and index.html for any other GET that is not an API
 * path and does not name a file (the app's own routes, e.g. /orders/123, reloaded or
 * bookmarked). Does nothing when the app was not built (API-only development and tests).
 */
export async function serveWebApp(app: NestFastifyApplication, root = builtWebRoot()): Promise<boolean> {
  if (root === undefined || !existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    // One route per built file, so that unknown paths reach the fallback below.
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.startsWith(join(root, 'assets')) ? IMMUTABLE : REVALIDATE);
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? '/';
      // An API path with an absurdly long segment: what the router answers without this route.
      if (isApiPath(path) && path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH))
        return reply
          .code(414)
          .header('content-type', 'application/json; charset=utf-8')
          .send(fastifyClientError({ statusCode: 414 }));
      // Unknown API paths and missing files keep the API's JSON 404.
      if (isApiPath(path) || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
      return reply.header('cache-control', REVALIDATE).sendFile('index.html');
    });
  return true;
}
