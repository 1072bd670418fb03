import { codeMask, type Line } from '../lines';

/** Fewest consecutive tab-separated lines read as a table (header + 2 rows). */
const MIN_ROWS = 3;

/**
 * Tables pasted from PDFs and spreadsheets arrive as tab-separated lines. A run of at least three
 * lines with the same number (2+) of tab-separated cells becomes a GFM table: the first line is the
 * header. The delimiter row (and a blank line before the table when needed) take the header's origin.
 */
export function convertTabTables(lines: Line[]): Line[] {
  // Without a tab there is no table, and lines without a line break stay as they are.
  if (!lines.some((line) => line.text.includes('\t') || line.text.includes('\n'))) return lines;
  const code = codeMask(lines);
  const out = lines.map((line) => ({ ...line }));
  const cells = (i: number) => (code[i] || !out[i].text.includes('\t') ? 0 : out[i].text.split('\t').filter((c) => c.trim()).length);
  let i = 0;
  while (i < out.length) {
    const width = cells(i);
    let end = i;
    while (width >= 2 && end < out.length && cells(end) === width) end++;
    if (end - i >= MIN_ROWS) {
      for (let r = i; r < end; r++) {
        const row = out[r].text.split('\t').map((c) => c.trim().replace(/\|/g, '\\|')).filter(Boolean);
        out[r].text = `| ${row.join(' | ')} |`;
        if (r === i) {
          out[r].text += `\n|${' --- |'.repeat(width)}`;
          if (r > 0 && out[r - 1].text.trim()) out[r].text = `\n${out[r].text}`;
        }
      }
      i = end;
    } else {
      i = Math.max(i + 1, end);
    }
  }
  return out.flatMap((line) => line.text.split('\n').map((text) => ({ text, origin: line.origin })));
}
