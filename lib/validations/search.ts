import { z } from 'zod';

/** Longest query kept; anything longer is cut, never rejected. */
export const MAX_QUERY_CHARS = 200;

/** `?q=` of /search and /api/search: absent, repeated or over-long values all become one plain string. */
export const searchParamsSchema = z.object({
  q: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).slice(0, MAX_QUERY_CHARS).trim()),
});
