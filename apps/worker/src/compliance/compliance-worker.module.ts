import { Module } from '@nestjs/common';
import { ComplianceSweep } from './compliance-sweep';

/** The compliance lifecycle of live services in the worker. */
@Module({ providers: [ComplianceSweep], exports: [ComplianceSweep] })
export class ComplianceWorkerModule {}
