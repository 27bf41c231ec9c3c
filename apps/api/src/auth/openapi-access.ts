import type { OpenAPIObject } from '@nestjs/swagger';
import type { AccessRule } from './access.decorator';
import type { RouteAccess } from './route-access.audit';

/** Who may call an operation, in words for the OpenAPI description. */
export function describeAccess(rule: AccessRule): string {
  switch (rule.kind) {
    case 'public':
      return 'Anyone (no login).';
    case 'customer':
      return 'A logged-in business customer (only its own resources).';
    case 'authenticated':
      return 'Any logged-in account.';
    case 'staff':
      return `Staff: ${rule.roles.join(', ')}.`;
  }
}

// Nest paths are `/a/:id`, OpenAPI's `/a/{id}`.
const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * Writes each operation's access rule into the OpenAPI document, from the same decorators
 * the access guard enforces: an `x-access` extension (`{kind, roles?}`) and a line at the
 * head of the description. Returns the operations no route rule was found for.
 */
export function annotateAccess(document: OpenAPIObject, routes: readonly RouteAccess[]): string[] {
  const ruleOf = new Map(routes.map((r) => [`${r.method.toLowerCase()} ${openApiPath(r.path)}`, r.rule]));
  const missing: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Record<string, unknown>>)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const rule = ruleOf.get(`${method} ${path}`);
      if (!rule) {
        missing.push(`${method.toUpperCase()} ${path}`);
        continue;
      }
      operation['x-access'] = rule;
      const access = `**Access:** ${describeAccess(rule)}`;
      const description = typeof operation['description'] === 'string' ? operation['description'] : '';
      operation['description'] = description ? `${access}\n\n${description}` : access;
    }
  }
  return missing;
}
