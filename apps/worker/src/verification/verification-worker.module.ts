import { Module } from '@nestjs/common';
import { SubmissionOrderEvents } from './submission-order-events.handler';

/** Verification in the worker: pre-checks, and submissions following their order. */
@Module({ providers: [SubmissionOrderEvents], exports: [SubmissionOrderEvents] })
export class VerificationWorkerModule {}
