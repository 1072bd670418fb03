import { describe, expect, it } from 'vitest';
import { isSameOrigin, readBodyUpTo } from '@/lib/http/read-body';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://app.test/api/notes', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A body sent in chunks without a Content-Length, as a client streaming it would. */
const streamed = (sizes: number[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of sizes) controller.enqueue(new Uint8Array(size).fill(0x61));
      controller.close();
    },
  });

describe('readBodyUpTo', () => {
  it('returns a body within the limit whole', async () => {
    expect(new TextDecoder().decode((await readBodyUpTo(post('hello'), 5))!)).toBe('hello');
    expect((await readBodyUpTo(post(streamed([3, 4, 3])), 10))!.length).toBe(10);
  });

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    expect(await readBodyUpTo(post('x', { 'content-length': '11' }), 10)).toBeNull();
  });

  it('refuses a streamed body as soon as it passes the limit', async () => {
    expect(await readBodyUpTo(post(streamed([6, 6, 6])), 10)).toBeNull();
  });
});

describe('isSameOrigin', () => {
  it.each([
    [{ host: 'app.test' }, true],
    [{ host: 'app.test', origin: 'http://app.test' }, true],
    [{ host: 'app.test', origin: 'https://evil.test' }, false],
    [{ host: 'app.test:3000', origin: 'http://app.test:4000' }, false],
    [{ host: 'internal:3000', 'x-forwarded-host': 'app.test', origin: 'https://app.test' }, true],
    [{ host: 'app.test', origin: 'null' }, false],
  ])('%j -> %s', (headers, expected) => {
    expect(isSameOrigin(new Request('http://app.test/api/notes', { method: 'POST', headers }))).toBe(expected);
  });
});
