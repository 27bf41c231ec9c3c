import { Injectable, Logger, RequestMethod, type OnApplicationBootstrap } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_RULE, type AccessRule } from './access.decorator';

/** One route of a Nest controller and the access rule it declares (undefined: none). */
export interface RouteAccess {
  readonly method: string;
  readonly path: string;
  /** `Controller.handler`, to find it in the code. */
  readonly handler: string;
  readonly rule: AccessRule | undefined;
}

const joinPaths = (...parts: string[]): string =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Lists every controller route with its access rule, the way the guard resolves it
 * (handler first, then controller). At start-up it logs each route that declares none: the
 * guard refuses those with 403, so such a route is a bug to fix, and the access-rules test
 * fails on it.
 */
@Injectable()
export class RouteAccessAudit implements OnApplicationBootstrap {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): RouteAccess[] {
    const routes: RouteAccess[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (abstract new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = this.pathsOf(this.reflector.get<string | string[] | undefined>(PATH_METADATA, controller));
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        const paths = this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
        if (method === undefined || paths === undefined) continue;
        const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
          handler,
          controller,
        ]);
        for (const prefix of base)
          for (const path of this.pathsOf(paths))
            routes.push({
              method: RequestMethod[method],
              path: joinPaths(prefix, path),
              handler: `${controller.name}.${name}`,
              rule,
            });
      }
    }
    return routes;
  }

  onApplicationBootstrap(): void {
    for (const route of this.routes().filter((r) => r.rule === undefined))
      this.logger.error(
        `${route.method} ${route.path} (${route.handler}) declares no access rule: it answers 403`,
      );
  }

  private pathsOf(paths: string | string[] | undefined): string[] {
    return paths === undefined ? [''] : Array.isArray(paths) ? paths : [paths];
  }
}
