import { Module } from '@nestjs/common';
import { CarrierModule } from '@haoma/carrier';
import { CarrierApplicationHandler } from './carrier-application.handler';
import { CarrierApplicationsSweep } from './carrier-applications-sweep';
import { CarrierOrderEvents } from './carrier-order-events.handler';
import { CarrierProcessor } from './carrier.processor';

/** Carrier provisioning in the worker: the `carrier` queue, the order fan-out's part, the sweep's repair. */
@Module({
  imports: [CarrierModule],
  providers: [CarrierApplicationHandler, CarrierProcessor, CarrierOrderEvents, CarrierApplicationsSweep],
  exports: [CarrierOrderEvents, CarrierApplicationsSweep, CarrierApplicationHandler],
})
export class CarrierWorkerModule {}
