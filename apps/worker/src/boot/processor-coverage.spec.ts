import { Test } from '@nestjs/testing';
import { DiscoveryModule } from '@nestjs/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { ProcessorCoverageCheck, processorCoverage } from './processor-coverage';

describe('processorCoverage', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], [], []],
    [['a', 'b'], ['b'], ['a'], []],
    [['a'], ['a', 'c'], [], ['c']],
    [['a'], [], ['a'], []],
  ])('declared %j, processed %j → missing %j, unknown %j', (declared, processed, missing, unknown) => {
    expect(processorCoverage(declared, processed)).toEqual({ missing, unknown });
  });
});

// Only the processor metadata matters to the check: no queue connection is made here.
@Processor('maintenance')
class MaintenanceStub extends WorkerHost {
  async process(): Promise<string> {
    return this.constructor.name;
  }
}

@Processor('orders')
class OrdersStub extends WorkerHost {
  async process(): Promise<string> {
    return this.constructor.name;
  }
}

@Processor('notifications')
class NotificationsStub extends WorkerHost {
  async process(): Promise<string> {
    return this.constructor.name;
  }
}

@Processor('payments')
class PaymentsStub extends WorkerHost {
  async process(): Promise<string> {
    return this.constructor.name;
  }
}

@Processor('no-such-queue')
class StrayStub extends WorkerHost {
  async process(): Promise<string> {
    return this.constructor.name;
  }
}

async function init(providers: unknown[]): Promise<void> {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [ProcessorCoverageCheck, ...(providers as [])],
  }).compile();
  try {
    await moduleRef.init();
  } finally {
    await moduleRef.close();
  }
}

describe('ProcessorCoverageCheck at boot', () => {
  it('fails loudly when a declared queue has no processor', async () => {
    await expect(init([])).rejects.toThrow(
      'queue "maintenance" is declared in libs/jobs but has no processor',
    );
    await expect(init([MaintenanceStub, OrdersStub])).rejects.toThrow(
      'queue "notifications" is declared in libs/jobs but has no processor',
    );
  });

  it('fails when a processor consumes an undeclared queue', async () => {
    await expect(
      init([MaintenanceStub, OrdersStub, NotificationsStub, PaymentsStub, StrayStub]),
    ).rejects.toThrow('a processor consumes "no-such-queue", which libs/jobs does not declare');
  });

  it('passes when every declared queue has its processor', async () => {
    await expect(init([MaintenanceStub, OrdersStub, NotificationsStub])).rejects.toThrow(
      'queue "payments" is declared in libs/jobs but has no processor',
    );
    await expect(
      init([MaintenanceStub, OrdersStub, NotificationsStub, PaymentsStub]),
    ).resolves.toBeUndefined();
  });
});
