import { Test } from '@nestjs/testing';
import { DiscoveryModule } from '@nestjs/core';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUE_NAMES, type QueueName } from '@haoma/jobs';
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
// One stub processor per declared queue, so a new queue needs no change here.
function stubProcessor(queue: string): new () => WorkerHost {
  class Stub extends WorkerHost {
    async process(): Promise<string> {
      return queue;
    }
  }
  Processor(queue)(Stub);
  return Stub;
}
const STUBS = Object.fromEntries(QUEUE_NAMES.map((queue) => [queue, stubProcessor(queue)])) as Record<
  QueueName,
  new () => WorkerHost
>;
const StrayStub = stubProcessor('no-such-queue');
const allBut = (...left: QueueName[]) =>
  QUEUE_NAMES.filter((queue) => !left.includes(queue)).map((queue) => STUBS[queue]);

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
    await expect(init(allBut('notifications'))).rejects.toThrow(
      'queue "notifications" is declared in libs/jobs but has no processor',
    );
  });

  it('fails when a processor consumes an undeclared queue', async () => {
    await expect(init([...allBut(), StrayStub])).rejects.toThrow(
      'a processor consumes "no-such-queue", which libs/jobs does not declare',
    );
  });

  it('passes when every declared queue has its processor', async () => {
    for (const queue of QUEUE_NAMES)
      await expect(init(allBut(queue))).rejects.toThrow(
        `queue "${queue}" is declared in libs/jobs but has no processor`,
      );
    await expect(init(allBut())).resolves.toBeUndefined();
  });
});
