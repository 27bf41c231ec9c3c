import { z } from 'zod';
import { configSchema, type AppConfig } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (default: `process.env`); throws a ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings count as unset, so `FOO= npm start` falls back to the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues
      .map((issue: z.core.$ZodIssue) => {
        const name = issue.path.join('.') || '(root)';
        const value = typeof issue.path[0] === 'string' ? present[issue.path[0]] : undefined;
        return value === undefined
          ? `${name}: ${issue.message}`
          : `${name}=${JSON.stringify(value)}: ${issue.message}`;
      })
      .sort(),
  );
}

/**
 * Loads the configuration for a process entry point; on a bad value it prints which
 * variable is wrong and exits, rather than starting half-configured.
 */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
