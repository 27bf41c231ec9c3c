import { parseArgs } from 'node:util';
import type { AppConfig } from '@haoma/config';
import { seedCatalog } from '@haoma/catalog';
import { createDataSource } from '@haoma/db';
import { BLOCKS } from '@haoma/domain';
import { inventoryCommand } from './inventory.command';

/** Demo numbers per block: six blocks × 40,000 = 240,000 numbers. */
const DEMO_PER_BLOCK = 40_000;
/** The fixed shuffle that spreads the demo over each whole block (vanity numbers included). */
const DEMO_SEED = 'haoma-demo';

/**
 * Seeds the catalog (plans, features, grading rules) where it is empty and, on an empty
 * inventory only, a deterministic demo inventory across every block. Safe to re-run: it
 * adds nothing that exists, and a non-empty inventory is never touched.
 */
export async function seedCommand(config: AppConfig, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, strict: true, options: { 'demo-count': { type: 'string' } } });
  const perBlock = values['demo-count'] === undefined ? DEMO_PER_BLOCK : Number(values['demo-count']);
  if (!Number.isInteger(perBlock) || perBlock < 0 || perBlock > 1_000_000) {
    throw new Error('--demo-count must be a whole number from 0 to 1,000,000 (numbers per block)');
  }

  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: 2,
    applicationName: 'haoma-seed',
  });
  await dataSource.initialize();
  let inventoryEmpty: boolean;
  try {
    const catalog = await seedCatalog(dataSource);
    process.stdout.write(
      `catalog: ${catalog.plansAdded.length} plans, ${catalog.featuresAdded.length} features added` +
        (catalog.gradingRulesAdded === null
          ? ''
          : `, grading rules v${catalog.gradingRulesAdded} activated`) +
        '\n',
    );
    const [{ exists }] = (await dataSource.query(`SELECT EXISTS (SELECT 1 FROM numbers) AS exists`)) as [
      { exists: boolean },
    ];
    inventoryEmpty = !exists;
  } finally {
    await dataSource.destroy();
  }

  if (!inventoryEmpty) {
    process.stdout.write('inventory: not empty, demo numbers not seeded\n');
    return;
  }
  if (perBlock === 0) return;
  process.stdout.write(
    `inventory: empty, seeding ${perBlock} demo numbers in each of ${BLOCKS.length} blocks\n`,
  );
  for (const { block } of BLOCKS) {
    await inventoryCommand(config, [
      'generate',
      '--block',
      block,
      '--count',
      String(perBlock),
      '--seed',
      DEMO_SEED,
    ]);
    if (process.exitCode) throw new Error(`seeding block ${block} failed`);
  }
}
