import { Module } from '@nestjs/common';
import { SubmissionOrderEvents } from './submission-order-events.handler';
import { VerificationProcessor } from './verification.processor';

/** Verification in the worker: pre-checks, and submissions following their order. */
@Module({
  providers: [SubmissionOrderEvents, VerificationProcessor],
  exports: [SubmissionOrderEvents],
})
export class VerificationWorkerModule {}
