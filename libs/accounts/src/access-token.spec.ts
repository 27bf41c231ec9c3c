import { createHmac } from 'node:crypto';
import { signAccessToken, verifyAccessToken, type AccessTokenClaims } from './access-token';

const secret = Buffer.from('s'.repeat(32));
const now = new Date('2030-01-01T00:00:00Z');
const nowS = now.getTime() / 1000;
const claims: AccessTokenClaims = {
  sub: '0b6c3f4e-2d1a-4c5b-9e8f-7a6b5c4d3e2f',
  kind: 'staff',
  role: 'admin',
  sid: '1c7d4a5f-3e2b-4d6c-8f9a-0b1c2d3e4f5a',
  iat: nowS,
  exp: nowS + 900,
};

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const signed = (header: unknown, payload: unknown, key = secret): string => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
};

describe('access tokens', () => {
  it('round-trips the claims', () => {
    const token = signAccessToken(claims, secret);
    expect(token.split('.')).toHaveLength(3);
    expect(verifyAccessToken(token, secret, now)).toEqual({ ok: true, claims });
  });

  it('is a standard HS256 JWT', () => {
    const token = signAccessToken(claims, secret);
    expect(token).toBe(signed({ alg: 'HS256', typ: 'JWT' }, claims));
  });

  it('expires at exp', () => {
    const token = signAccessToken(claims, secret);
    expect(verifyAccessToken(token, secret, new Date((claims.exp - 1) * 1000)).ok).toBe(true);
    expect(verifyAccessToken(token, secret, new Date(claims.exp * 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses another secret and any change to the payload', () => {
    const token = signAccessToken(claims, secret);
    expect(verifyAccessToken(token, Buffer.from('t'.repeat(32)), now)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const [header, , signature] = token.split('.');
    const forged = `${header}.${b64({ ...claims, role: 'admin', kind: 'staff', sub: claims.sid })}.${signature}`;
    expect(verifyAccessToken(forged, secret, now)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each<[string, unknown]>([
    ['alg none', { alg: 'none', typ: 'JWT' }],
    ['alg HS512', { alg: 'HS512', typ: 'JWT' }],
    ['alg RS256', { alg: 'RS256', typ: 'JWT' }],
    ['extra header field', { alg: 'HS256', typ: 'JWT', kid: '1' }],
  ])('refuses a header with %s, even correctly signed', (_, header) => {
    expect(verifyAccessToken(signed(header, claims), secret, now)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['a customer with a role', { kind: 'customer', role: 'admin' }],
    ['staff without a role', { role: null }],
    ['an unknown role', { role: 'root' }],
    ['an unknown kind', { kind: 'robot' }],
    ['a sub that is not a uuid', { sub: 'x' }],
    ['a missing sid', { sid: undefined }],
    ['a fractional exp', { exp: nowS + 0.5 }],
    ['an iat in the future', { iat: nowS + 3600 }],
  ])('refuses correctly signed claims with %s', (_, change) => {
    const token = signed({ alg: 'HS256', typ: 'JWT' }, { ...claims, ...change });
    expect(verifyAccessToken(token, secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it.each(['', 'abc', 'a.b', 'a.b.c.d', 'a.b.c', '..', `${'a'.repeat(2000)}.b.c`, 'a b.c.d'])(
    'refuses the malformed token %j',
    (token) => {
      const result = verifyAccessToken(token, secret, now);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).toMatch(/malformed|bad_signature/);
    },
  );
});
