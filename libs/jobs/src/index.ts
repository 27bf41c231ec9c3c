export {
  JOB_QUEUE,
  QUEUE_NAMES,
  OUTBOX_JOBS,
  SCHEDULED_JOBS,
  type OutboxJobName,
  type JobName,
  type JobPayloads,
  type QueueName,
} from './jobs';
export { queueConnectionOptions, redisConnectionOf } from './queue-connection';
export { QueueModule } from './queue.module';
export { JobProducer } from './job-producer';
