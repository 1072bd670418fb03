import 'server-only';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Failed sign-ins are limited per account (the email tried) and per address (the client IP), so
 * a password cannot be guessed fast on one account, nor many accounts tried from one address.
 * Only failures count; a success clears its account's count. Counters live in this process's
 * memory (one `next start` process serves the app): a restart forgets them.
 */
export interface ThrottleLimits {
  /** Failures allowed per account within accountWindowSeconds. */
  accountFailures: number;
  accountWindowSeconds: number;
  /** Failures allowed per address within addressWindowSeconds. */
  addressFailures: number;
  addressWindowSeconds: number;
}

export const SIGN_IN_LIMITS: ThrottleLimits = {
  accountFailures: 5,
  accountWindowSeconds: 15 * 60,
  addressFailures: 30,
  addressWindowSeconds: 60 * 60,
};

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts. Try again in ${retryAfterSeconds} s.`);
  }
}

export interface SignInThrottle {
  /** Throws TooManyAttemptsError while the account or the address is over its limit. */
  check(email: string, address: string): Promise<void>;
  failed(email: string, address: string): Promise<void>;
  succeeded(email: string): Promise<void>;
}

export function createSignInThrottle(limits: ThrottleLimits = SIGN_IN_LIMITS): SignInThrottle {
  const byAccount = new RateLimiterMemory({ keyPrefix: 'account', points: limits.accountFailures, duration: limits.accountWindowSeconds });
  const byAddress = new RateLimiterMemory({ keyPrefix: 'address', points: limits.addressFailures, duration: limits.addressWindowSeconds });
  const over = (res: RateLimiterRes | null, points: number) => (res !== null && res.consumedPoints >= points ? res.msBeforeNext : 0);
  return {
    async check(email, address) {
      const [account, from] = await Promise.all([byAccount.get(email), byAddress.get(address)]);
      const waitMs = Math.max(over(account, limits.accountFailures), over(from, limits.addressFailures));
      if (waitMs > 0) throw new TooManyAttemptsError(Math.max(1, Math.ceil(waitMs / 1000)));
    },
    async failed(email, address) {
      // consume() rejects (with the counter still raised) once a key is over its points: that is expected here.
      await Promise.allSettled([byAccount.consume(email), byAddress.consume(address)]);
    },
    async succeeded(email) {
      await byAccount.delete(email);
    },
  };
}

/**
 * The client's address from the request headers. Next sets X-Forwarded-For to the socket's address
 * when a request arrives without one; behind a reverse proxy, the proxy appends the address it saw,
 * so the last entry is the one no client can choose.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const raw = headers?.['x-forwarded-for'];
  const value = Array.isArray(raw) ? raw.join(',') : raw ?? '';
  return value.split(',').map((s) => s.trim()).filter(Boolean).at(-1) ?? 'unknown';
}

const cache = globalThis as unknown as { signInThrottle?: SignInThrottle };
/** The process's throttle, shared by every bundle that imports this module. */
export const signInThrottle: SignInThrottle = (cache.signInThrottle ??= createSignInThrottle());
