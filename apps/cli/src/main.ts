import 'reflect-metadata';
import { loadConfigOrExit } from '@haoma/config';
import { migrateCommand } from './commands/migrate.command';
import { migrationGenerateCommand } from './commands/migration-generate.command';
import { seedCommand } from './commands/seed.command';
import { inventoryCommand } from './commands/inventory.command';
import { configCommand } from './commands/config.command';
import { staffCommand } from './commands/staff.command';

const USAGE = `usage: haoma <command>
  config [--shell] [NAME…]             print the validated configuration (defaults applied)
  migrate                              create the database if needed and apply migrations
  migration-generate <Name>            draft a migration from the entities (review it!)
  seed [--demo-count N]                seed the catalog and, on an empty inventory, the demo numbers
  inventory import <file.csv>          import numbers from a CSV (one number per line, or a "number" column)
  inventory generate --block B --count N [--start S] [--seed X]
                                       import N generated numbers of block B
  staff create --email E --name N --role admin|reviewer|sales [--password P]
                                       create a staff member (no --password: one is generated, printed once)
  staff deactivate --email E           deactivate a staff member and revoke its sessions
`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfigOrExit();
  switch (command) {
    case 'config':
      return configCommand(config, rest);
    case 'migrate':
      return migrateCommand(config);
    case 'migration-generate':
      return migrationGenerateCommand(config, rest[0]);
    case 'seed':
      return seedCommand(config, rest);
    case 'inventory':
      return inventoryCommand(config, rest);
    case 'staff':
      return staffCommand(config, rest);
    default:
      process.stderr.write(USAGE);
      process.exitCode = command === undefined || command === '--help' ? 0 : 64;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
