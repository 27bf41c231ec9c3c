import { PATTERN_TAGS, appraise } from '@haoma/domain';
import fc from 'fast-check';
import { countBits, newBitset, popcount, setBit, testBit, clearBit } from './bitset';
import { numberOfWindow, packRow, unpackRow, windowDigit, windowOf } from './index-row';
import { LUCKY_SLOTS, slotKey, slotOfKey, SLOT_COUNT, slotsOfFilter } from './tag-slots';

describe('index rows', () => {
  it.each([
    ['4000000000', 0],
    ['4008881234', 8_881_234],
    ['4009999999', 9_999_999],
    ['400888123', -1],
    ['5008881234', -1],
    ['400888123x', -1],
    ['４００８８８１２３４', -1],
  ])('windowOf(%j) = %d', (number, window) => {
    expect(windowOf(number)).toBe(window);
    if (window >= 0) expect(numberOfWindow(window)).toBe(number);
  });

  it('reads each window digit', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((p) => windowDigit(8_881_234, p))).toEqual([8, 8, 8, 1, 2, 3, 4]);
  });

  it('packs and unpacks any appraised number', () => {
    const numberArb = fc.integer({ min: 0, max: 9_999_999 }).map(numberOfWindow);
    fc.assert(
      fc.property(numberArb, fc.boolean(), (number, available) => {
        const a = appraise(number);
        const row = { number, grade: a.grade, tags: a.tags, selectionFeeFen: a.selectionFeeFen, available };
        expect(unpackRow(packRow(row))).toEqual(row);
      }),
    );
  });

  it('gives every position:tag its own slot, lucky ones included', () => {
    const keys = PATTERN_TAGS.flatMap((tag) => [`tail:${tag}`, `middle:${tag}`]);
    expect(new Set(keys.map(slotOfKey)).size).toBe(SLOT_COUNT);
    for (const key of keys) expect(slotKey(slotOfKey(key))).toBe(key);
    expect(slotOfKey('any:AAAA')).toBe(-1);
    expect(slotsOfFilter({ tag: 'AAAA', position: 'any' }).map(slotKey)).toEqual([
      'tail:AAAA',
      'middle:AAAA',
    ]);
    expect(LUCKY_SLOTS.map(slotKey)).toContain('middle:G1314');
    expect(LUCKY_SLOTS.map(slotKey)).not.toContain('tail:HAS4');
  });
});

describe('bitsets', () => {
  it('sets, clears and counts bits', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 999 })), (bits) => {
        const set = newBitset(1000);
        for (const bit of bits) setBit(set, bit);
        expect(countBits(set)).toBe(bits.length);
        for (const bit of bits) expect(testBit(set, bit)).toBe(true);
        for (const bit of bits) clearBit(set, bit);
        expect(countBits(set)).toBe(0);
      }),
    );
    expect(popcount(-1)).toBe(32);
    expect(popcount(0x80000001)).toBe(2);
  });
});
