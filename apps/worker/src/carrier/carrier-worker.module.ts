import { Module } from '@nestjs/common';
import { CarrierApplicationsSweep } from './carrier-applications-sweep';
import { CarrierOrderEvents } from './carrier-order-events.handler';

/** Carrier provisioning in the worker. */
@Module({
  providers: [CarrierOrderEvents, CarrierApplicationsSweep],
  exports: [CarrierOrderEvents, CarrierApplicationsSweep],
})
export class CarrierWorkerModule {}
