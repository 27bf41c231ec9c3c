export {
  JOB_QUEUE,
  QUEUE_NAMES,
  SCHEDULED_JOBS,
  type JobName,
  type JobPayloads,
  type QueueName,
} from './jobs';
export { queueConnectionOptions, redisConnectionOf } from './queue-connection';
export { QueueModule } from './queue.module';
export { JobProducer } from './job-producer';
