import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { QUEUE_NAMES } from '@haoma/jobs';

// Where @nestjs/bullmq's @Processor() stores its queue name.
const PROCESSOR_METADATA = 'bullmq:processor_metadata';

/** Declared queues that no processor consumes, and processors bound to undeclared queues. */
export function processorCoverage(
  declared: readonly string[],
  processed: readonly string[],
): { missing: string[]; unknown: string[] } {
  return {
    missing: declared.filter((q) => !processed.includes(q)),
    unknown: processed.filter((q) => !declared.includes(q)),
  };
}

/**
 * Fails the worker's boot when a declared queue has no processor: its jobs would pile up
 * silently forever.
 */
@Injectable()
export class ProcessorCoverageCheck implements OnModuleInit {
  private readonly logger = new Logger('Worker');

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const processed = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.metatype)
      .filter((metatype): metatype is NonNullable<typeof metatype> => typeof metatype === 'function')
      .map((metatype) => Reflect.getMetadata(PROCESSOR_METADATA, metatype) as { name?: string } | undefined)
      .flatMap((meta) => (meta?.name ? [meta.name] : []));
    const { missing, unknown } = processorCoverage(QUEUE_NAMES, processed);
    if (missing.length || unknown.length) {
      const problems = [
        ...missing.map((q) => `queue "${q}" is declared in libs/jobs but has no processor`),
        ...unknown.map((q) => `a processor consumes "${q}", which libs/jobs does not declare`),
      ];
      throw new Error(`Worker cannot start:\n  - ${problems.join('\n  - ')}`);
    }
    this.logger.log(`every queue has a processor: ${processed.join(', ')}`);
  }
}
