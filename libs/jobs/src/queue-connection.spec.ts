import { parseConfig } from '@haoma/config';
import { queueConnectionOptions, redisConnectionOf } from './queue-connection';

describe('redisConnectionOf', () => {
  it.each([
    ['redis://127.0.0.1:6379/0', { host: '127.0.0.1', port: 6379, db: 0 }],
    ['redis://cache', { host: 'cache', port: 6379, db: 0 }],
    ['redis://:s%40cret@cache:6380/3', { host: 'cache', port: 6380, db: 3, password: 's@cret' }],
    [
      'rediss://user:pw@cache:6390',
      { host: 'cache', port: 6390, db: 0, username: 'user', password: 'pw', tls: {} },
    ],
  ])('%s', (url, expected) => {
    expect(redisConnectionOf(url)).toEqual(expected);
  });

  it('rejects a database that is not a number', () => {
    expect(() => redisConnectionOf('redis://cache/x')).toThrow(/REDIS_URL/);
  });
});

describe('queueConnectionOptions', () => {
  it('uses Redis by default, with the prefix', () => {
    const options = queueConnectionOptions(
      parseConfig({ REDIS_URL: 'redis://r:1234/2', QUEUE_PREFIX: 'shop' }),
    );
    expect(options).toEqual({ connection: { host: 'r', port: 1234, db: 2 }, prefix: 'shop' });
  });

  it('puts the queues in a schema of the shop database with QUEUE_BACKEND=postgres', () => {
    const url = 'postgres://postgres@db:5432/haoma';
    const options = queueConnectionOptions(parseConfig({ QUEUE_BACKEND: 'postgres', DATABASE_URL: url }));
    expect(options.connection).toEqual({ connectionString: url, schema: 'haoma', max: 5 });
    queueConnectionOptions(parseConfig({})); // back to the Redis default for other tests
  });
});
