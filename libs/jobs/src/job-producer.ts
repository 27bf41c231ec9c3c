import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, QUEUE_NAMES, type JobName, type JobPayloads, type QueueName } from './jobs';

/** The one typed way to enqueue a job: the payload type follows the job name, the queue is looked up. */
@Injectable()
export class JobProducer {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  add<N extends JobName>(name: N, payload: JobPayloads[N], options?: JobsOptions): Promise<unknown> {
    return this.queue(JOB_QUEUE[name]).add(name, payload, options);
  }

  /** Answers when every queue's backend (Redis or PostgreSQL) answers; used by /health. */
  async ping(timeoutMs = 2_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`queue backend did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([
        Promise.all(QUEUE_NAMES.map((q) => this.queue(q).getJobCounts('waiting'))),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
