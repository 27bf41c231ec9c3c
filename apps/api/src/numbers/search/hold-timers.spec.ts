import fc from 'fast-check';
import { HoldTimers } from './hold-timers';

describe('HoldTimers', () => {
  it('gives back the holds due, in end order, once each', () => {
    const timers = new HoldTimers();
    timers.set('4008000003', 300);
    timers.set('4008000001', 100);
    timers.set('4008000002', 200);
    expect(timers.takeDue(99)).toEqual([]);
    expect(timers.takeDue(200)).toEqual(['4008000001', '4008000002']);
    expect(timers.takeDue(1_000)).toEqual(['4008000003']);
    expect(timers.takeDue(1_000)).toEqual([]);
    expect(timers.size).toBe(0);
  });

  it('follows extensions and releases', () => {
    const timers = new HoldTimers();
    timers.set('4008000001', 100);
    timers.set('4008000002', 100);
    timers.set('4008000001', 500); // extended
    timers.delete('4008000002'); // released
    expect(timers.takeDue(200)).toEqual([]);
    expect(timers.takeDue(500)).toEqual(['4008000001']);
  });

  it('agrees with a plain map for any sequence of holds, releases and ticks', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        n: fc.integer({ min: 0, max: 20 }),
        at: fc.integer({ min: 0, max: 1000 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), n: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ kind: fc.constant('tick' as const), at: fc.integer({ min: 0, max: 1000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const timers = new HoldTimers();
        const model = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'set') {
            timers.set(String(o.n), o.at);
            model.set(String(o.n), o.at);
          } else if (o.kind === 'delete') {
            timers.delete(String(o.n));
            model.delete(String(o.n));
          } else {
            const expected = [...model]
              .filter(([, at]) => at <= o.at)
              .map(([n]) => n)
              .sort();
            for (const n of expected) model.delete(n);
            expect(timers.takeDue(o.at).sort()).toEqual(expected);
          }
        }
        expect(timers.size).toBe(model.size);
      }),
    );
  });
});
