import { returnPath } from './return-path';

describe('returnPath', () => {
  it.each([
    ['?next=%2Forders%2Fabc', '/orders/abc'],
    ['?next=%2Fnumbers%2F4008208888%3Fplan%3Dx', '/numbers/4008208888?plan=x'],
    ['', '/'],
    ['?next=https%3A%2F%2Fevil.example', '/'],
    ['?next=%2F%2Fevil.example', '/'],
  ])('%s → %s', (search, path) => {
    expect(returnPath(search)).toBe(path);
  });
});
