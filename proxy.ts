import { NextResponse, type NextRequest } from 'next/server';

/**
 * The Content-Security-Policy of every page. Scripts run only from this origin with the request's
 * nonce (Next reads it from the request's CSP header and puts it on its own scripts), and
 * 'strict-dynamic' lets those load the rest; no inline script, plugin, <base> or framing. Notes
 * are untrusted, so this backs up the sanitiser. Styles may be inline (Next and Tailwind inject
 * them); images may come from https (notes link diagrams) but never run script.
 */
function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not route handlers' JSON, static files, prefetches, or the page script's server
      // action calls (their responses are RSC data, not HTML; a form posted without script has no
      // next-action header and still gets the policy). None of those carry HTML to protect.
      source: '/((?!api|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
        { type: 'header', key: 'next-action' },
      ],
    },
  ],
};
