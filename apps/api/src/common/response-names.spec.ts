import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// OpenAPI names each schema by its class: two response or request classes with one name are
// merged silently (one endpoint is documented with the other's shape, and the generated web
// client is wrong). Every exported class under apps/api/src has a name of its own.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('API classes', () => {
  it('have unique names, so OpenAPI never merges two schemas', () => {
    const seen = new Map<string, string[]>();
    for (const file of sourceFiles(join(__dirname, '..'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^export class (\w+)/gm)) {
        const name = match[1] ?? '';
        seen.set(name, [...(seen.get(name) ?? []), file]);
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    expect([...seen].filter(([, files]) => files.length > 1)).toEqual([]);
  });
});
