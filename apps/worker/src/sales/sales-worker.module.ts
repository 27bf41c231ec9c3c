import { Module } from '@nestjs/common';
import { OrderAssignmentHandler } from './order-assignment.handler';

/** Sales in the worker: assigning newly paid orders to sales staff. */
@Module({ providers: [OrderAssignmentHandler], exports: [OrderAssignmentHandler] })
export class SalesWorkerModule {}
