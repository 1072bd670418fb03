import { Parser } from 'htmlparser2';

/**
 * HTML left in notes by web tools (Google Docs, Notion, Evernote, OneNote, pasted pages) turned
 * into markdown. Pure: string in, string out; never throws on malformed input.
 *
 * Output invariants: tags are gone (angle brackets that never formed a tag stay as text),
 * entities are decoded, no line has trailing spaces, prose has no runs of spaces (code and list
 * indentation excepted), there is at most one blank line in a row and none at either end, and
 * emphasis is never empty or space-padded (`****`, `** x **`).
 */

/** Element names whose presence makes a string HTML (see `looksLikeHtml`). */
const KNOWN_ELEMENTS = [
  'div', 'span', 'p', 'br', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'thead', 'tbody',
  'a', 'img', 'font', 'pre', 'code', 'blockquote', 'hr', 'html', 'body', 'head', 'style',
  'script', 'section', 'article', 'sup', 'sub', 'mark', 's', 'strike', 'del', 'center',
  'small', 'big', 'label', 'input', 'iframe', 'svg', 'meta', 'link', 'title', 'noscript',
  'details', 'summary', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'kbd', 'abbr', 'nav', 'header',
  'footer', 'main', 'aside', 'picture', 'source', 'video', 'audio',
]; // prettier-ignore

/**
 * Names parsed as tags even without attributes. Words a note may put in angle brackets as
 * placeholders (`<data>`, `<time>`, `<source>`, `<option>`) are left out on purpose: such a tag
 * only counts when it carries a quoted attribute somewhere in the input.
 */
const TAG_NAMES = new Set([
  ...KNOWN_ELEMENTS,
  'tfoot', 'caption', 'colgroup', 'col', 'dl', 'dt', 'dd', 'header', 'footer', 'nav', 'main',
  'aside', 'figure', 'figcaption', 'abbr', 'cite', 'kbd', 'samp', 'ins', 'tt', 'wbr', 'nobr',
  'details', 'summary', 'form', 'address', 'hgroup', 'legend', 'fieldset', 'template', 'object',
  'embed', 'base', 'textarea', 'xmp',
]); // prettier-ignore

/** Elements whose content is dropped entirely. */
const DROPPED = new Set(['script', 'style', 'head', 'title', 'noscript', 'iframe', 'svg', 'template', 'object', 'textarea', 'xmp']);

/** Elements htmlparser2 reads as raw text up to their closing tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/** What may sit in `<head>`; any other element opening there ends the head (as browsers do). */
const HEAD_CONTENT = new Set(['title', 'style', 'script', 'meta', 'link', 'base', 'noscript', 'template']);

/** Blocks set off by a blank line. */
const PARAGRAPH_BLOCKS = new Set([
  'p', 'blockquote', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'figure',
  'details', 'address', 'form', 'fieldset', 'dl', 'hgroup',
]); // prettier-ignore

/** Blocks that only start a new line (a `<div>` per line is how editors store lines). */
const LINE_BLOCKS = new Set(['div', 'center', 'dt', 'dd', 'figcaption', 'summary', 'legend', 'caption', 'tr', 'body', 'html']);

/** Deeper lists indent no further, so pathological nesting cannot blow up the output. */
const MAX_LIST_INDENT = 10;

/**
 * A source newline before a markdown block marker (`- `, `1. `, `# `, `> `, a fence, a table
 * row) survives whitespace collapsing, so markdown lines mixed into HTML keep their structure.
 */
const MARKDOWN_LINE = /\n([ \t]*)(?=(?:[-*+]|\d{1,9}[.)]|#{1,6})[ \t]|>|```|~~~|\|)/;

/** Whitespace that collapses to one space; U+00A0 included, so `&nbsp;` becomes a normal space. */
const COLLAPSIBLE = /[ \t\n\r\f\v\u00a0]+/g;

/** True when the text holds at least one real HTML tag of a known element (outside code). */
export function looksLikeHtml(text: string): boolean {
  // Most blocks of a note hold no "<" at all: nothing to look for.
  if (!text.includes('<')) return false;
  const prose = withoutCode(text);
  if (/<!doctype\s+html/i.test(prose)) return true;
  const tag = new RegExp(`<\\/?(${KNOWN_ELEMENTS.join('|')})(?=[\\s/>])([^<>]*)>`, 'gi');
  for (let m = tag.exec(prose); m !== null; m = tag.exec(prose)) {
    if (plausibleAttributes(m[1], m[2])) return true;
  }
  return false;
}

/** Converts an HTML document or fragment to markdown. */
export function htmlToMarkdown(html: string): string {
  const { text, restore } = shieldCodeSpans(escapeNonTags(html));
  const renderer = new Renderer();
  const parser = new Parser(
    {
      onopentag: (name, attribs) => renderer.open(name, attribs),
      ontext: (data) => renderer.text(data),
      onclosetag: (name, implied) => renderer.close(name, implied),
    },
    { decodeEntities: true },
  );
  parser.write(text);
  parser.end();
  return restore(renderer.finish());
}

/**
 * Cleans a short inline fragment mixing text and tags: tags dropped, `<br>` as a newline,
 * entities decoded, bold as `**...**`. Leading indentation (a nested markdown list item) is kept.
 */
export function stripInlineHtml(text: string): string {
  const indent = /^[ \t]*/.exec(text)![0];
  const converted = htmlToMarkdown(text.slice(indent.length));
  return converted ? indent + converted : '';
}

/** Text without fenced code blocks and inline code spans. */
function withoutCode(text: string): string {
  return text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, '').replace(/`[^`\n]*`/g, '');
}

/**
 * Single-letter names (`a`, `b`, `i`, `p`, `s`, `u`) are tags only when bare (`<b>`) or with an
 * `attr=value`: `a<b and c>d` is a comparison, not a bold element.
 */
function plausibleAttributes(name: string, attributes: string): boolean {
  if (name.length > 1) return true;
  const rest = attributes.trim();
  return rest === '' || rest === '/' || rest.includes('=');
}

/**
 * Escapes every `<` that does not open a tag, comment or declaration, so the parser keeps
 * `a < b`, `List<String>`, `<https://example.com>` and `<placeholder>` as text. Raw-text
 * elements (`<script>`, `<style>`...) without a closing tag are text too: otherwise they would
 * swallow the rest of the input.
 */
function escapeNonTags(html: string): string {
  if (!html.includes('<')) return html;
  const attributed = new Set<string>();
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)\s[^<>]*?=\s*["']/g)) attributed.add(m[1].toLowerCase());
  const closed = new Set<string>();
  for (const m of html.matchAll(/<\/([a-zA-Z][a-zA-Z0-9]*)/g)) closed.add(m[1].toLowerCase());
  return html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9]*(?:[:-][a-zA-Z0-9]+)*)?/g, (match, slash: string, name: string | undefined, offset: number) => {
    const after = offset + match.length;
    if (name === undefined) {
      const next = html.charAt(after);
      return !slash && (next === '!' || next === '?') ? match : `&lt;${slash}`;
    }
    const lower = name.toLowerCase();
    const isTag =
      endsTagName(html.charCodeAt(after)) &&
      (TAG_NAMES.has(lower) || lower.includes(':') || attributed.has(lower)) &&
      (lower.length > 1 || plausibleAttributes(lower, attributesAfter(html, after))) &&
      (slash || !RAW_TEXT.has(lower) || closed.has(lower));
    return isTag ? match : `&lt;${match.slice(1)}`;
  });
}

/** Whitespace, `/` or `>`: what may follow a tag name. */
function endsTagName(code: number): boolean {
  return code === 0x3e || code === 0x2f || code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** The attribute text of a tag whose name ends at `from`, looking at most 200 characters ahead. */
function attributesAfter(html: string, from: number): string {
  const window = html.slice(from, from + 200);
  const end = window.search(/[<>]/);
  return end === -1 ? window : window.slice(0, end);
}

/**
 * Swaps single-line inline code spans that contain `<` for placeholders, so `<br>` written as
 * code in a markdown line is not parsed. Spans holding a closing tag are left alone: backticks in
 * HTML text would otherwise pair across elements. `restore` puts the spans back verbatim.
 */
function shieldCodeSpans(text: string): { text: string; restore: (s: string) => string } {
  if (!text.includes('`') || /[\uE000\uE001]/.test(text)) return { text, restore: (s) => s };
  const spans: string[] = [];
  const shielded = text.replace(/(?<!`)`[^`\n]+`(?!`)/g, (span) => {
    if (!span.includes('<') || span.includes('</')) return span;
    spans.push(span);
    return `\uE000${spans.length - 1}\uE001`;
  });
  return { text: shielded, restore: (s) => s.replace(/\uE000(\d+)\uE001/g, (_, i: string) => spans[Number(i)]) };
}

/** `bold`/`normal` from an inline style's font-weight, undefined when the style says nothing. */
function fontWeight(style: string | undefined): 'bold' | 'normal' | undefined {
  if (!style) return undefined;
  const m = /(?:^|;)\s*font-weight\s*:\s*([^;]+)/i.exec(style);
  if (!m) return undefined;
  const value = m[1].replace(/!important/i, '').trim().toLowerCase();
  if (value === 'bold' || value === 'bolder') return 'bold';
  if (value === 'normal' || value === 'lighter') return 'normal';
  const weight = Number(value);
  if (!Number.isFinite(weight) || value === '') return undefined;
  return weight >= 600 ? 'bold' : 'normal';
}

interface ListFrame {
  ordered: boolean;
  /** Number the next emitted item gets (ordered lists). */
  next: number;
  /** Items that produced a line so far. */
  emitted: number;
}

/**
 * Accumulates markdown for one flow (the document or one table cell). Breaks, spaces, list
 * markers, heading hashes and bold markers are all held back until real content follows, which
 * is what keeps the output free of empty markers and stray blank lines.
 */
class MarkdownWriter {
  private parts: string[] = [];
  /** Newlines owed before the next content (0, 1 or 2). */
  private pendingBreak = 0;
  private pendingSpace = false;
  private started = false;
  private lineHasContent = false;
  /** A `**` is written and not yet closed; never spans a line break. */
  private boldOpen = false;
  private lists: ListFrame[] = [];
  /** Item whose marker goes before the next content; null when none. */
  private pendingItem: ListFrame | 'orphan' | null = null;
  private headingPrefix = '';
  /** Source indentation of a markdown line, written after the list indentation. */
  private rawIndent = '';

  text(data: string, bold: boolean): void {
    const collapsed = data.replace(COLLAPSIBLE, ' ');
    const core = collapsed.trim();
    if (collapsed.startsWith(' ')) this.pendingSpace = true;
    if (core) this.token(core, bold);
    if (core && collapsed.endsWith(' ')) this.pendingSpace = true;
  }

  /** Writes an atomic piece of inline content (a word run or a code span). */
  token(content: string, bold: boolean): void {
    this.beginContent();
    if (this.boldOpen && !bold) this.closeBold();
    if (this.pendingSpace) this.parts.push(' ');
    this.pendingSpace = false;
    if (bold && !this.boldOpen) {
      this.parts.push('**');
      this.boldOpen = true;
    }
    this.parts.push(content);
  }

  space(): void {
    this.pendingSpace = true;
  }

  /** Asks for at least `n` newlines before the next content. */
  breakLine(n: 1 | 2): void {
    if (!this.started || this.pendingItem !== null) return;
    this.pendingBreak = Math.max(this.pendingBreak, n);
  }

  /** A markdown line found in the text starts a new line, keeping its own indentation. */
  markdownLine(indent: string): void {
    this.breakLine(1);
    this.rawIndent = indent;
  }

  /** A `<br>`: one more newline, up to one blank line. */
  lineBreak(): void {
    if (!this.started || this.pendingItem !== null) return;
    this.pendingBreak = Math.min(2, this.pendingBreak + 1);
  }

  /** Writes verbatim lines (code block, table, rule) as a block of their own. */
  block(lines: string[]): void {
    this.breakLine(2);
    this.beginContent();
    this.closeBold();
    lines.forEach((line, i) => {
      if (i > 0) this.parts.push('\n', this.continuationIndent());
      this.parts.push(line);
    });
    this.breakLine(2);
  }

  openList(ordered: boolean, start: number): void {
    // An item holding only a nested list has no line of its own.
    this.pendingItem = null;
    if (this.started) this.pendingBreak = this.lists.length > 0 ? 1 : Math.max(this.pendingBreak, 2);
    this.lists.push({ ordered, next: start, emitted: 0 });
  }

  closeList(): void {
    this.pendingItem = null;
    this.lists.pop();
    if (this.started) this.pendingBreak = Math.max(this.pendingBreak, this.lists.length > 0 ? 1 : 2);
  }

  openItem(): void {
    const list = this.lists.at(-1);
    // Items of one list are tight: a paragraph closing inside the previous item adds no blank line.
    if (this.started) this.pendingBreak = list && list.emitted > 0 ? 1 : Math.max(this.pendingBreak, 1);
    this.pendingItem = list ?? 'orphan';
  }

  closeItem(): void {
    this.pendingItem = null;
    this.breakLine(1);
  }

  openHeading(level: number): void {
    this.breakLine(2);
    this.headingPrefix = `${'#'.repeat(level)} `;
  }

  closeHeading(): void {
    this.headingPrefix = '';
    this.breakLine(2);
  }

  finish(): string {
    this.closeBold();
    return this.parts
      .join('')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '')
      .trimEnd();
  }

  /** Flushes owed newlines and writes the line prefix when a new line starts. */
  private beginContent(): void {
    if (this.pendingBreak > 0) {
      this.closeBold();
      if (this.started) this.parts.push('\n'.repeat(this.pendingBreak));
      this.pendingBreak = 0;
      this.lineHasContent = false;
    }
    if (!this.lineHasContent) {
      this.parts.push(this.linePrefix());
      this.pendingSpace = false;
    }
    this.started = true;
    this.lineHasContent = true;
  }

  private closeBold(): void {
    if (!this.boldOpen) return;
    this.parts.push('**');
    this.boldOpen = false;
  }

  private linePrefix(): string {
    let prefix: string;
    const item = this.pendingItem;
    if (item !== null) {
      const depth = Math.min(MAX_LIST_INDENT, Math.max(0, this.lists.length - 1));
      const marker = item !== 'orphan' && item.ordered ? `${item.next++}. ` : '- ';
      if (item !== 'orphan') item.emitted++;
      prefix = '  '.repeat(depth) + marker;
      this.pendingItem = null;
    } else {
      prefix = this.continuationIndent();
    }
    prefix += this.rawIndent + this.headingPrefix;
    this.rawIndent = '';
    this.headingPrefix = '';
    return prefix;
  }

  /** Nested list levels indent by two spaces; text continuing an item aligns under its text. */
  private continuationIndent(): string {
    return '  '.repeat(Math.min(MAX_LIST_INDENT + 1, this.lists.length));
  }
}

interface TableState {
  rows: Cell[][];
  row: Cell[] | null;
}

interface Cell {
  /** The cell's own markdown, line breaks kept. */
  markdown: string;
}

/** Code being collected verbatim: a `<pre>` block or an inline `<code>` span. */
interface Capture {
  kind: 'pre' | 'code';
  parts: string[];
  language: string;
}

interface Frame {
  name: string;
  closers: Array<() => void>;
}

/** Turns parser callbacks into markdown. Every opened element is closed exactly once. */
class Renderer {
  private writers: MarkdownWriter[] = [new MarkdownWriter()];
  private frames: Frame[] = [];
  /** Depth of dropped elements enclosing the current position. */
  private skip = 0;
  /** The element being closed has no end tag here: the fragment ended, or another element's end implied it. */
  private implied = false;
  private headFrame: Frame | null = null;
  private bold: boolean[] = [];
  private headingDepth = 0;
  private tables: TableState[] = [];
  private captures: Capture[] = [];

  private get writer(): MarkdownWriter {
    return this.writers[this.writers.length - 1];
  }

  open(name: string, attribs: Record<string, string>): void {
    if (this.headFrame && this.skip === 1 && !HEAD_CONTENT.has(name)) this.leaveHead();
    const frame: Frame = { name, closers: [] };
    this.frames.push(frame);
    if (DROPPED.has(name)) {
      this.skip++;
      if (name === 'head' && this.skip === 1) this.headFrame = frame;
      frame.closers.push(() => this.skip--);
      return;
    }
    if (this.skip > 0) return;
    if (this.captures.length > 0) {
      this.openInCapture(name, attribs, frame);
      return;
    }
    this.openWeight(name, attribs, frame);
    this.openStructure(name, attribs, frame);
  }

  close(name: string, implied = false): void {
    this.implied = implied;
    let at = this.frames.length - 1;
    while (at >= 0 && this.frames[at].name !== name) at--;
    if (at === -1) return;
    while (this.frames.length > at) {
      const frame = this.frames.pop()!;
      if (frame === this.headFrame) this.headFrame = null;
      for (let i = frame.closers.length - 1; i >= 0; i--) frame.closers[i]();
    }
  }

  text(data: string): void {
    // Text directly in an unclosed <head> starts the body, as in browsers.
    if (this.headFrame && this.skip === 1 && this.frames.at(-1) === this.headFrame && data.trim()) this.leaveHead();
    if (this.skip > 0) return;
    const capture = this.captures.at(-1);
    if (capture) {
      capture.parts.push(data);
      return;
    }
    // split() with a group alternates text and the indentation of the markdown line after it.
    const pieces = data.split(MARKDOWN_LINE);
    for (let i = 0; i < pieces.length; i += 2) {
      if (i > 0 && this.headingDepth === 0) this.writer.markdownLine(pieces[i - 1]);
      this.writer.text(pieces[i], this.isBold());
    }
  }

  finish(): string {
    this.implied = true;
    while (this.frames.length > 0) this.close(this.frames[this.frames.length - 1].name);
    return this.writers[0].finish();
  }

  /** Content after an unclosed `<head>` that cannot live in a head is body content. */
  private leaveHead(): void {
    const head = this.headFrame!;
    this.headFrame = null;
    this.skip--;
    head.closers = [];
  }

  private isBold(): boolean {
    return this.headingDepth === 0 && this.bold.length > 0 && this.bold[this.bold.length - 1];
  }

  private openWeight(name: string, attribs: Record<string, string>, frame: Frame): void {
    const weight = fontWeight(attribs.style) ?? (name === 'b' || name === 'strong' ? 'bold' : undefined);
    if (weight === undefined) return;
    this.bold.push(weight === 'bold');
    frame.closers.push(() => this.bold.pop());
  }

  private openStructure(name: string, attribs: Record<string, string>, frame: Frame): void {
    if (this.tables.length > 0 && this.openTablePart(name, frame)) return;
    const heading = /^h([1-6])$/.exec(name);
    // Inside a table cell a heading is just a line of the cell.
    if (heading && this.writers.length === 1) {
      this.headingDepth++;
      this.writer.openHeading(Number(heading[1]));
      frame.closers.push(() => {
        this.headingDepth--;
        this.writer.closeHeading();
      });
    } else if (name === 'br') {
      if (this.headingDepth > 0) this.writer.space();
      else this.writer.lineBreak();
    } else if (name === 'hr') {
      this.writer.block(['---']);
    } else if (name === 'details' || name === 'aside') {
      // A toggle or a callout holds its own text: what follows its end answers nothing inside it.
      // A fragment that ends before the element does (its end is in a later block) ends nothing.
      frame.closers.push(() => {
        if (!this.implied) this.writer.block(['---']);
      });
    } else if (name === 'ul' || name === 'ol') {
      const start = Number.parseInt(attribs.start ?? '', 10);
      this.writer.openList(name === 'ol', Number.isFinite(start) ? start : 1);
      frame.closers.push(() => this.writer.closeList());
    } else if (name === 'li') {
      this.writer.openItem();
      frame.closers.push(() => this.writer.closeItem());
    } else if (name === 'pre' || name === 'code') {
      if (name === 'pre') this.writer.breakLine(2);
      this.captures.push({ kind: name, parts: [], language: languageOf(attribs) });
      frame.closers.push(() => this.closeCapture());
    } else if (name === 'table') {
      this.tables.push({ rows: [], row: null });
      frame.closers.push(() => this.closeTable());
    } else if (name === 'td' || name === 'th') {
      // A cell outside any table is just a word boundary.
      this.writer.space();
      frame.closers.push(() => this.writer.space());
    } else {
      this.openBlock(name, frame);
    }
  }

  /** Paragraph and line blocks; a heading only gets here inside a table cell. */
  private openBlock(name: string, frame: Frame): void {
    const size = PARAGRAPH_BLOCKS.has(name) || /^h[1-6]$/.test(name) ? 2 : LINE_BLOCKS.has(name) ? 1 : 0;
    if (size === 0) return;
    const separate = () => (this.headingDepth > 0 ? this.writer.space() : this.writer.breakLine(size));
    separate();
    frame.closers.push(separate);
  }

  /** Rows and cells of the innermost table; false when `name` is not one of them. */
  private openTablePart(name: string, frame: Frame): boolean {
    const table = this.tables[this.tables.length - 1];
    if (name === 'tr') {
      table.row = [];
      frame.closers.push(() => {
        if (table.row && table.row.length > 0) table.rows.push(table.row);
        table.row = null;
      });
      return true;
    }
    if (name === 'td' || name === 'th') {
      const cellWriter = new MarkdownWriter();
      this.writers.push(cellWriter);
      frame.closers.push(() => {
        this.writers.pop();
        if (!table.row) {
          table.row = [];
          table.rows.push(table.row);
        }
        table.row.push({ markdown: cellWriter.finish() });
      });
      return true;
    }
    return false;
  }

  private closeTable(): void {
    const table = this.tables.pop()!;
    if (table.row && table.row.length > 0 && !table.rows.includes(table.row)) table.rows.push(table.row);
    const cells = table.rows.flat();
    if (cells.length === 0) return;
    // A one-cell table is layout, not data: its content stands on its own.
    if (cells.length === 1) {
      if (cells[0].markdown) this.writer.block(cells[0].markdown.split('\n'));
      return;
    }
    this.writer.block(gfmTable(table.rows.map((row) => row.map((cell) => cellText(cell.markdown)))));
  }

  /** Inside `<pre>`/`<code>` only line structure matters: no emphasis, lists or tables. */
  private openInCapture(name: string, attribs: Record<string, string>, frame: Frame): void {
    const capture = this.captures[this.captures.length - 1];
    if (name === 'code' && capture.kind === 'pre' && !capture.language) capture.language = languageOf(attribs);
    const separator = capture.kind === 'pre' ? '\n' : ' ';
    const newline = () => capture.parts.push(separator);
    // A block inside code starts and ends a line, without doubling an existing break.
    const endLine = () => {
      const last = capture.parts[capture.parts.length - 1];
      if (last !== undefined && !last.endsWith(separator)) newline();
    };
    if (name === 'br') newline();
    else if (PARAGRAPH_BLOCKS.has(name) || LINE_BLOCKS.has(name) || name === 'li') {
      endLine();
      frame.closers.push(endLine);
    }
  }

  private closeCapture(): void {
    const capture = this.captures.pop()!;
    const raw = capture.parts.join('');
    if (capture.kind === 'pre') {
      const code = raw.replace(/\u00a0/g, ' ').replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
      if (code) this.writer.block(fencedBlock(code, capture.language));
      this.writer.breakLine(2);
      return;
    }
    const collapsed = raw.replace(COLLAPSIBLE, ' ');
    const content = collapsed.trim();
    if (collapsed.startsWith(' ')) this.writer.space();
    if (content) this.writer.token(codeSpan(content), this.isBold());
    if (content && collapsed.endsWith(' ')) this.writer.space();
  }
}

/** A fence language from `class="language-ts"` / `lang-ts`, or ''. */
function languageOf(attribs: Record<string, string>): string {
  return /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(attribs.class ?? '')?.[1] ?? '';
}

/** The longest run of `char` in `text`. */
function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}

/** Fences are longer than any backtick run inside, so the code cannot close them early. */
function fencedBlock(code: string, language: string): string[] {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return [fence + language, ...code.split('\n'), fence];
}

function codeSpan(content: string): string {
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** One line per cell: newlines become spaces and pipes are escaped. */
function cellText(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, ' ').replace(/ {2,}/g, ' ').replace(/\|/g, '\\|').trim();
}

/** A GFM table; the first row is the header, short rows are padded. */
function gfmTable(rows: string[][]): string[] {
  const width = Math.max(...rows.map((row) => row.length));
  const line = (cells: string[]) =>
    `|${Array.from({ length: width }, (_, i) => (cells[i] ? ` ${cells[i]} ` : ' ')).join('|')}|`;
  return [line(rows[0]), line(Array<string>(width).fill('---')), ...rows.slice(1).map(line)];
}
