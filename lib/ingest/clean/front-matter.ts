import type { Line } from '../lines';

/** Longest front matter block recognised; a longer `---` pair is a thematic break, not metadata. */
const MAX_FRONT_MATTER_LINES = 60;

/**
 * Blanks a leading YAML front matter block (`---` ... `---` with `key: value` lines), which is
 * metadata rather than note text. Line count and origins are unchanged.
 */
export function blankFrontMatter(lines: Line[]): Line[] {
  if (lines[0]?.text.trim() !== '---') return lines;
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line.text));
  if (end < 2 || end > MAX_FRONT_MATTER_LINES) return lines;
  const body = lines.slice(1, end).filter((line) => line.text.trim());
  if (!body.every((line) => /^[\w-]+\s*:|^\s+|^\s*-\s/.test(line.text))) return lines;
  return lines.map((line, i) => (i <= end ? { ...line, text: '' } : line));
}
