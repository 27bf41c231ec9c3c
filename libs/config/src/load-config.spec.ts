import { ConfigError, parseConfig } from './load-config';

describe('parseConfig', () => {
  it('gives every variable its documented default', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/haoma',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      QUEUE_BACKEND: 'redis',
      API_PORT: 3000,
      HOLD_TTL_MINUTES: 30,
    });
  });

  it('coerces numbers and treats empty strings as unset', () => {
    expect(parseConfig({ API_PORT: '8080', HOLD_TTL_MINUTES: '' })).toMatchObject({
      API_PORT: 8080,
      HOLD_TTL_MINUTES: 30,
    });
  });

  it.each([
    ['API_PORT', 'eighty', 'API_PORT="eighty"'],
    ['API_PORT', '70000', 'API_PORT="70000"'],
    ['QUEUE_BACKEND', 'kafka', 'QUEUE_BACKEND="kafka"'],
    ['DATABASE_URL', 'mysql://x/y', 'DATABASE_URL="mysql://x/y"'],
    ['REDIS_URL', 'not a url', 'REDIS_URL="not a url"'],
    ['HOLD_TTL_MINUTES', '0', 'HOLD_TTL_MINUTES="0"'],
    ['QUEUE_PREFIX', 'Bad-Prefix', 'QUEUE_PREFIX="Bad-Prefix"'],
  ])('rejects %s=%s naming the variable', (name, value, expected) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    try {
      parseConfig({ [name]: value });
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(1);
      expect((error as ConfigError).problems[0]).toContain(expected);
    }
  });

  it('reports every bad variable at once', () => {
    expect(() => parseConfig({ API_PORT: 'x', QUEUE_BACKEND: 'y' })).toThrow(/API_PORT[\s\S]*QUEUE_BACKEND/);
  });
});
