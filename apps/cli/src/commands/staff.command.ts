import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  AccountError,
  createStaffMember,
  deactivateStaffMember,
  findStaffMemberByEmail,
  scryptParamsFor,
} from '@haoma/accounts';
import type { AppConfig } from '@haoma/config';
import { createDataSource, STAFF_ROLES, type StaffRole } from '@haoma/db';
import { checkPassword, normaliseEmail } from '@haoma/domain';

const USAGE = `usage: haoma staff <command>
  create --email E --name N --role R [--password P]
                             create a staff member (R: ${STAFF_ROLES.join(', ')}); without --password
                             a strong one is generated and printed once
  deactivate --email E       deactivate a staff member and end its sessions
`;

/** sysexits.h: command line usage error, and input data that is not acceptable. */
const EX_USAGE = 64;
const EX_DATAERR = 65;

class UsageError extends Error {}

/** A random password the policy accepts: 144 bits in 24 base64url characters. */
export function generatePassword(): string {
  for (;;) {
    const password = randomBytes(18).toString('base64url');
    if (checkPassword(password) === undefined) return password;
  }
}

async function withDataSource<T>(
  config: AppConfig,
  fn: (dataSource: ReturnType<typeof createDataSource>) => Promise<T>,
): Promise<T> {
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 1,
    applicationName: 'haoma-cli',
  });
  await dataSource.initialize();
  try {
    return await fn(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function create(config: AppConfig, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const { email, name, role } = values;
  if (email === undefined || name === undefined || role === undefined)
    throw new UsageError('create needs --email, --name and --role');
  if (!STAFF_ROLES.includes(role as StaffRole))
    throw new UsageError(`--role must be one of ${STAFF_ROLES.join(', ')}, got "${role}"`);
  const password = values.password ?? generatePassword();
  const member = await withDataSource(config, (dataSource) =>
    createStaffMember(
      dataSource,
      { email, name, role: role as StaffRole, password },
      { scrypt: scryptParamsFor(config) },
    ),
  );
  process.stdout.write(
    `created staff member ${member.id}: ${member.email} (${member.name}), role ${member.role}\n`,
  );
  if (values.password === undefined)
    process.stdout.write(
      `password: ${password}\n(shown once only: give it to ${member.name} over a safe channel)\n`,
    );
}

async function deactivate(config: AppConfig, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { email: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.email === undefined) throw new UsageError('deactivate needs --email');
  const email = normaliseEmail(values.email);
  const member = await withDataSource(config, async (dataSource) => {
    const found = await findStaffMemberByEmail(dataSource.manager, email);
    if (!found) throw new AccountError('NOT_FOUND', `no staff member has email ${email}`);
    return deactivateStaffMember(dataSource, found.id);
  });
  process.stdout.write(`deactivated staff member ${member.id}: ${member.email}; its sessions are revoked\n`);
}

/**
 * `staff create …` and `staff deactivate …`: how the first admin is made. Exit code 0 on
 * success, 64 on bad arguments, 65 when the data is refused (invalid field, email taken,
 * unknown member, last admin).
 */
export async function staffCommand(config: AppConfig, args: string[]): Promise<void> {
  const [subcommand, ...rest] = args;
  try {
    if (subcommand === 'create') await create(config, rest);
    else if (subcommand === 'deactivate') await deactivate(config, rest);
    else
      throw new UsageError(subcommand === undefined ? 'missing command' : `unknown command "${subcommand}"`);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${(error as Error).message}\n${USAGE}`);
      process.exitCode = EX_USAGE;
    } else if (error instanceof AccountError) {
      const fields =
        error.details.fields?.map((f) => `\n  --${f.field}: ${f.message} (${f.code})`).join('') ?? '';
      process.stderr.write(`${error.message}${fields}\n`);
      process.exitCode = EX_DATAERR;
    } else throw error;
  }
}
