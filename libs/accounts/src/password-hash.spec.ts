import fc from 'fast-check';
import {
  hashPassword,
  needsRehash,
  SCRYPT_PARAMS,
  SCRYPT_TEST_PARAMS,
  verifyDummyPassword,
  verifyPassword,
} from './password-hash';

const FORMAT = /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/;

describe('password hashing (production parameters)', () => {
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword('correct horse 1');
  });

  it('encodes scrypt N=2^15, r=8, p=1 with a 16-byte salt and a 32-byte key', () => {
    expect(hash).toMatch(FORMAT);
    expect(needsRehash(hash)).toBe(false);
  });

  it('verifies the password and nothing else', async () => {
    expect(await verifyPassword('correct horse 1', hash)).toBe(true);
    expect(await verifyPassword('correct horse 2', hash)).toBe(false);
    expect(await verifyPassword('Correct horse 1', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const again = await hashPassword('correct horse 1');
    expect(again).not.toBe(hash);
    expect(again.split('$')[4]).not.toBe(hash.split('$')[4]);
  });

  it('does not block the event loop while hashing', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await hashPassword('correct horse 1');
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
  });
});

describe('verifyPassword', () => {
  it('treats the NFC and NFD forms of a password as the same', async () => {
    const hash = await hashPassword('café crème 1', SCRYPT_TEST_PARAMS);
    expect(await verifyPassword('cafe\u0301 cre\u0300me 1', hash)).toBe(true);
  });

  it.each([
    '',
    'bcrypt$2b$10$abc',
    'scrypt$32768$8$1$c2FsdA==',
    'scrypt$1000$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=',
    'scrypt$2097152$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=',
    'scrypt$16384$64$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=',
    'scrypt$16384$8$1$c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=',
  ])('never matches an unreadable or out-of-bounds hash %j', async (encoded) => {
    expect(await verifyPassword('anything at all 1', encoded)).toBe(false);
    expect(needsRehash(encoded)).toBe(true);
  });

  it('round-trips any password (cheap parameters)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), async (password) => {
        const hash = await hashPassword(password, SCRYPT_TEST_PARAMS);
        return (await verifyPassword(password, hash)) && !(await verifyPassword(`${password}x`, hash));
      }),
      { numRuns: 25 },
    );
  });
});

describe('needsRehash', () => {
  it('asks for a re-hash when the parameters changed', async () => {
    const cheap = await hashPassword('correct horse 1', SCRYPT_TEST_PARAMS);
    expect(needsRehash(cheap, SCRYPT_PARAMS)).toBe(true);
    expect(needsRehash(cheap, SCRYPT_TEST_PARAMS)).toBe(false);
  });
});

describe('verifyDummyPassword', () => {
  it('takes about as long as a real verification', async () => {
    const hash = await hashPassword('correct horse 1');
    await verifyDummyPassword('warm up the dummy hash');
    const time = async (fn: () => Promise<unknown>): Promise<number> => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 3; i++) await fn();
      return Number(process.hrtime.bigint() - start) / 3e6;
    };
    const real = await time(() => verifyPassword('wrong password 1', hash));
    const dummy = await time(() => verifyDummyPassword('wrong password 1'));
    // Same work, so same order of magnitude; a missing dummy would take ~0 ms.
    expect(dummy).toBeGreaterThan(real / 3);
  });
});
