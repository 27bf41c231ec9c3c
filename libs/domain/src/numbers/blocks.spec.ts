import { BLOCKS, blockOf, CARRIER_CODES, CARRIERS, carrierOf, findBlock, type BlockInfo } from './blocks';

describe('blocks', () => {
  it.each([
    ['4008123456', 'telecom'],
    ['4009123456', 'telecom'],
    ['4006123456', 'unicom'],
    ['4000123456', 'unicom'],
    ['4007123456', 'mobile'],
    ['4001123456', 'mobile'],
    ['4002123456', undefined],
    ['4005123456', undefined],
  ])('carrierOf(%s) → %s', (digits, carrier) => {
    expect(carrierOf(digits)).toBe(carrier);
  });

  it('reads the block', () => {
    expect(blockOf('4008881234')).toBe('4008');
  });

  it('uses the table it is given, first entry first', () => {
    const moved: BlockInfo[] = [
      { block: '4008', carrier: 'mobile' },
      { block: '4008', carrier: 'unicom' },
    ];
    expect(carrierOf('4008123456', moved)).toBe('mobile');
    expect(carrierOf('4009123456', moved)).toBeUndefined();
    expect(findBlock('4007123456')?.note).toBe('formerly China Tietong, now part of China Mobile');
  });

  it('names every carrier in English and Chinese', () => {
    expect(CARRIERS).toEqual({
      telecom: { code: 'telecom', name: 'China Telecom', nameZh: '中国电信' },
      unicom: { code: 'unicom', name: 'China Unicom', nameZh: '中国联通' },
      mobile: { code: 'mobile', name: 'China Mobile', nameZh: '中国移动' },
    });
    for (const { carrier } of BLOCKS) expect(CARRIER_CODES).toContain(carrier);
    expect(BLOCKS.map((b) => b.block)).toEqual(['4008', '4009', '4006', '4000', '4007', '4001']);
  });
});
