import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Makes sure `.env` (git-ignored) holds a session secret, so `npm start` works on a fresh clone.
 * Existing values are never overwritten.
 */
const file = '.env';
const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
const wanted: Record<string, string> = {
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  NEXTAUTH_URL: `http://localhost:${process.env.PORT || 3000}`,
};
const missing = Object.entries(wanted).filter(([name]) => !new RegExp(`^${name}=`, 'm').test(current));
if (missing.length > 0) {
  const lines = missing.map(([name, value]) => `${name}=${value}`).join('\n');
  writeFileSync(file, `${current}${current && !current.endsWith('\n') ? '\n' : ''}${lines}\n`);
  console.log(`Wrote ${missing.map(([name]) => name).join(', ')} to ${file}`);
}
