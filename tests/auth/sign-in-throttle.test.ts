import { describe, expect, it } from 'vitest';
import { clientAddress, createSignInThrottle, TooManyAttemptsError } from '@/lib/sign-in-throttle';

const limits = { accountFailures: 3, accountWindowSeconds: 900, addressFailures: 5, addressWindowSeconds: 3600 };

describe('sign-in throttle', () => {
  it('refuses an account after its failures, from any address, with the wait in seconds', async () => {
    const throttle = createSignInThrottle(limits);
    for (let i = 0; i < 3; i++) {
      await throttle.check('ada@example.com', '10.0.0.1');
      await throttle.failed('ada@example.com', `10.0.0.${i + 1}`);
    }
    const refused = throttle.check('ada@example.com', '10.0.0.9');
    await expect(refused).rejects.toBeInstanceOf(TooManyAttemptsError);
    await expect(refused).rejects.toThrow(/^Too many sign-in attempts\. Try again in (\d+) s\.$/);
    const error = (await refused.catch((e: unknown) => e)) as TooManyAttemptsError;
    expect(error.retryAfterSeconds).toBeGreaterThan(800);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(900);
    // Another account from the same addresses is still let through.
    await expect(throttle.check('grace@example.com', '10.0.0.1')).resolves.toBeUndefined();
  });

  it('refuses an address after its failures, whatever account it tries next', async () => {
    const throttle = createSignInThrottle(limits);
    for (let i = 0; i < 5; i++) await throttle.failed(`user${i}@example.com`, '192.0.2.7');
    await expect(throttle.check('someone@example.com', '192.0.2.7')).rejects.toThrow(/Try again in \d+ s/);
    await expect(throttle.check('someone@example.com', '192.0.2.8')).resolves.toBeUndefined();
  });

  it('a successful sign-in clears its account\'s failures', async () => {
    const throttle = createSignInThrottle(limits);
    await throttle.failed('ada@example.com', 'a');
    await throttle.failed('ada@example.com', 'b');
    await throttle.succeeded('ada@example.com');
    await throttle.failed('ada@example.com', 'c');
    await throttle.failed('ada@example.com', 'd');
    await expect(throttle.check('ada@example.com', 'e')).resolves.toBeUndefined();
  });
});

describe('client address', () => {
  it.each([
    [{ 'x-forwarded-for': '203.0.113.5' }, '203.0.113.5'],
    [{ 'x-forwarded-for': 'spoofed, 203.0.113.5' }, '203.0.113.5'],
    [{ 'x-forwarded-for': ['1.1.1.1', '203.0.113.5'] }, '203.0.113.5'],
    [{}, 'unknown'],
    [undefined, 'unknown'],
  ])('%j -> %s', (headers, expected) => {
    expect(clientAddress(headers)).toBe(expected);
  });
});
