import fc from 'fast-check';
import {
  decodeFeedCursor,
  decodePipelineCursor,
  encodeFeedCursor,
  encodePipelineCursor,
  PIPELINE_SORTS,
  SORT_ORDERS,
} from './pipeline-cursor';

const at = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => `${d.toISOString().slice(0, 23)}${String(d.getUTCMilliseconds() % 10).repeat(3)}`)
  .filter((s) => /^\d{4}-/.test(s));

describe('pipeline cursors', () => {
  it('round-trip', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PIPELINE_SORTS),
        fc.constantFrom(...SORT_ORDERS),
        at,
        fc.uuid(),
        (sort, order, when, id) => {
          const cursor = { sort, order, at: when, id };
          expect(decodePipelineCursor(encodePipelineCursor(cursor))).toEqual(cursor);
        },
      ),
    );
  });

  it.each([
    '',
    'not a cursor!',
    Buffer.from('p1|age|asc|2026-01-01T00:00:00.000000').toString('base64url'),
    Buffer.from('p1|name|asc|2026-01-01T00:00:00.000000|00000000-0000-0000-0000-000000000000').toString(
      'base64url',
    ),
    Buffer.from('p1|age|up|2026-01-01T00:00:00.000000|00000000-0000-0000-0000-000000000000').toString(
      'base64url',
    ),
    Buffer.from('p1|age|asc|2026-13-45T00:00:00.000000|00000000-0000-0000-0000-000000000000').toString(
      'base64url',
    ),
    Buffer.from('p0|age|asc|2026-01-01T00:00:00.000000|00000000-0000-0000-0000-000000000000').toString(
      'base64url',
    ),
    Buffer.from("p1|age|asc|2026-01-01T00:00:00.000000|x' OR 1=1").toString('base64url'),
  ])('refuses %j', (text) => {
    expect(decodePipelineCursor(text)).toBeUndefined();
  });
});

describe('feed cursors', () => {
  it('round-trip', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SORT_ORDERS),
        at,
        fc.constantFrom(
          'note:12',
          'order.transition:99',
          'payment.paid:0b3c9a1e-1111-4222-8333-444455556666',
        ),
        (order, when, key) => {
          expect(decodeFeedCursor(encodeFeedCursor({ order, at: when, key }))).toEqual({
            order,
            at: when,
            key,
          });
        },
      ),
    );
  });

  it('refuses a key that is not one it makes', () => {
    const bad = Buffer.from("f1|asc|2026-01-01T00:00:00.000000|x'; drop").toString('base64url');
    expect(decodeFeedCursor(bad)).toBeUndefined();
  });
});
