/**
 * A line of cleaned note text and the 1-based line of the original note it came from. Cleaning
 * steps map Line[] to Line[], so every card can point back at the note as the user wrote it.
 */
export interface Line {
  text: string;
  origin: number;
}

export function toLines(text: string): Line[] {
  return text.split('\n').map((line, i) => ({ text: line, origin: i + 1 }));
}

export function joinLines(lines: Line[]): string {
  return lines.map((line) => line.text).join('\n');
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Marks which lines sit inside fenced code blocks (fence lines included); cleaning rules leave
 * code alone. An unterminated fence runs to the end of the note, as in CommonMark.
 */
export function codeMask(lines: Line[]): boolean[] {
  const mask: boolean[] = [];
  let open: string | null = null;
  for (const line of lines) {
    const fence = FENCE.exec(line.text)?.[1];
    if (open) {
      mask.push(true);
      if (fence && fence[0] === open[0] && fence.length >= open.length && line.text.trim() === fence.trim()) open = null;
    } else if (fence) {
      mask.push(true);
      open = fence;
    } else {
      mask.push(false);
    }
  }
  return mask;
}
