import { CONFIG_SCHEMA, type AppConfig } from '@haoma/config';

/**
 * Prints validated configuration values (defaults applied), so shell scripts read the same
 * configuration as the apps. `--shell` prints `NAME='value'` lines for eval.
 */
export function configCommand(config: AppConfig, args: string[]): void {
  const shell = args.includes('--shell');
  const names = args.filter((a) => a !== '--shell');
  const known = Object.keys(CONFIG_SCHEMA) as (keyof AppConfig)[];
  for (const name of names.length ? names : known) {
    if (!known.includes(name as keyof AppConfig)) throw new Error(`unknown configuration variable "${name}"`);
    const value = config[name as keyof AppConfig];
    const text = value === undefined ? '' : String(value);
    process.stdout.write(shell ? `${name}='${text.replace(/'/g, `'\\''`)}'\n` : `${name}=${text}\n`);
  }
}
