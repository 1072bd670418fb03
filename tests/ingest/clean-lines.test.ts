import { describe, expect, it } from 'vitest';
import { normaliseBullets } from '@/lib/ingest/clean/bullets';
import { blankCaptions, blankPageNumbers } from '@/lib/ingest/clean/debris';
import { joinBrokenWords } from '@/lib/ingest/clean/broken-words';
import { repairFences } from '@/lib/ingest/clean/fences';
import { blankFrontMatter } from '@/lib/ingest/clean/front-matter';
import { joinPageBreaks } from '@/lib/ingest/clean/page-breaks';
import { repairOcrLetters } from '@/lib/ingest/clean/ocr-letters';
import { toLines } from '@/lib/ingest/lines';

const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('line cleaning keeps the line count', () => {
  it.each([
    ['a lone marker joins the next line', ['-', 'Applying CQRS.', '-', 'Using base62.'], ['', '- Applying CQRS.', '', '- Using base62.']],
    ['a lone marker before an outline number is dropped, the section title kept', ['-', '4.3. Hadoop (File System)', '-', 'Stores blocks.'], ['', '4.3. Hadoop (File System)', '', '- Stores blocks.']],
    ['glyph bullets become dashes', ['• first', '  ◦ nested', '▪ third', '  ↳ arrow'], ['- first', '  - nested', '- third', '  - arrow']],
    ['code is untouched', ['```', '-', '• x', '```'], ['```', '-', '• x', '```']],
    ['OCR\'s "o" and "»" bullets, two or more, are dropped', ['o round robin - each server in turn', 'o least conn - fewest open connections', '» L4 vs L7: ports or paths'], ['round robin - each server in turn', 'least conn - fewest open connections', 'L4 vs L7: ports or paths']],
    ['one "o" opening a line is a word', ['o well, the cache was cold'], ['o well, the cache was cold']],
    ['a lettered outline becomes a list, its deeper lines kept', ['I. Caching', '   A. Cache-aside: app fills the cache', '   B. Eviction', '      1. LRU - least recent', '   C. TTLs'], ['I. Caching', '   - Cache-aside: app fills the cache', '   - Eviction', '      1. LRU - least recent', '   - TTLs']],
    ['a lone "A." opens a sentence, "I." a roman numeral', ['A. Smith wrote the paper.', 'I. Intro'], ['A. Smith wrote the paper.', 'I. Intro']],
    ['lower-case roman numerals under a lettered item become its list', ['1. Crawler', '   a. Goals', '      i. Scale - billions of pages', '      ii. Politeness', '   b. Core loop'], ['1. Crawler', '   - Goals', '      - Scale - billions of pages', '      - Politeness', '   - Core loop']],
    ['a lone "i." is a word', ['i. e. the cache'], ['i. e. the cache']],
  ])('bullets: %s', (_, input, expected) => {
    const out = normaliseBullets(toLines(input.join('\n')));
    expect(texts(out)).toEqual(expected);
    expect(out.map((l) => l.origin)).toEqual(input.map((_, i) => i + 1));
  });

  it.each([
    ['tildes drawn under a title underline it', ['Consistent Hashing', '~~~~~~~~~~~~~~~~', 'ring of servers'], ['Consistent Hashing', '----------------', 'ring of servers']],
    ['underscores drawn under a title underline it', ['RATE LIMITING', '_____________', 'why -> protect backend'], ['RATE LIMITING', '-------------', 'why -> protect backend']],
    ['a fence under a lead-in opens code', ['Example:', '~~~', 'GET /v1/items', '~~~'], ['Example:', '~~~', 'GET /v1/items', '~~~']],
    ['a short fence under a word opens code', ['Example', '~~~', 'x = 1', '~~~'], ['Example', '~~~', 'x = 1', '~~~']],
    ['a divider under an indented line underlines nothing', ['1. queue: consumed once', '   good for task distribution', '~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~'], ['1. queue: consumed once', '   good for task distribution', '']],
    ['a divider nothing closes is blanked', ['retry w/ same key', '', '~~~~~~~~~~~~', 'p.14 Payments', 'idempotency keys'], ['retry w/ same key', '', '', 'p.14 Payments', 'idempotency keys']],
    ['an unclosed fence with a language stays code', ['```python', 'print(1)'], ['```python', 'print(1)']],
  ])('fences: %s', (_, input, expected) => {
    const out = repairFences(toLines(input.join('\n')));
    expect(texts(out)).toEqual(expected);
    expect(out.map((l) => l.origin)).toEqual(input.map((_, i) => i + 1));
  });

  it.each([
    ['Load Ba|ancing', 'Load Balancing'],
    ['| a | b |', '| a | b |'],
    ['grep x|wc', 'grep x|wc'],
    ['RATE LIMITlNG', 'RATE LIMITING'],
    ['LEADER ELECTlON', 'LEADER ELECTION'],
    ['lots of rnemory, alrnost all keys', 'lots of memory, almost all keys'],
    ['a modern turnover', 'a modern turnover'],
    ['`a|b` in code', '`a|b` in code'],
  ])('OCR letters: %s', (input, expected) => {
    expect(texts(repairOcrLetters(toLines(input)))).toEqual([expected]);
  });

  it.each([
    ['Figure 8', ''],
    ['Figure 4-2: Request flow', ''],
    ['Fig. 3', ''],
    ['Table 12 Keys and values held in the cache', ''],
    ['12', ''],
    ['Page 7 of 300', ''],
    ['                                     - 12 -', ''],
    ['p.13', ''],
    ['p.11                         Kafka / logs', 'Kafka / logs'],
    ['p. 3 shows the flow', 'p. 3 shows the flow'],
    ['- 12 items in the cart', '- 12 items in the cart'],
    ['* * *', '* * *'],
    ['•••', ''],
    ['Figures show that caching helps a lot in practice, as many studies found over the years.', 'Figures show that caching helps a lot in practice, as many studies found over the years.'],
    ['In Figure 12, user A is routed to server 1.', 'In Figure 12, user A is routed to server 1.'],
  ])('debris: %j -> %j', (input, expected) => {
    expect(texts(blankPageNumbers(blankCaptions(toLines(input))))).toEqual([expected]);
  });

  it.each([
    ['a sentence cut by a page break is joined', ['The prefix tree is the structure that the autocomplete service in this design uses to', '', '42', '', 'answer lookups in time linear in the prefix.', '', 'Next.'],
      ['The prefix tree is the structure that the autocomplete service in this design uses to answer lookups in time linear in the prefix.', '', '42', '', '', '', 'Next.']],
    ['a paragraph that ends its sentence stays apart', ['The prefix tree is the structure that the autocomplete service in this design relies on.', '', 'answer lookups come next.'], ['The prefix tree is the structure that the autocomplete service in this design relies on.', '', 'answer lookups come next.']],
    ['a list item or a short title is no cut sentence', ['- the structure that the autocomplete service in this design uses for every lookup, and', '', 'more text here.', 'Prefix trees', '', 'of every kind.'],
      ['- the structure that the autocomplete service in this design uses for every lookup, and', '', 'more text here.', 'Prefix trees', '', 'of every kind.']],
    ['short hand-written paragraphs in lower case stay apart', ['cache only helps if access is skewed', '', 'uniform keys mean a low hit ratio'], ['cache only helps if access is skewed', '', 'uniform keys mean a low hit ratio']],
    ['a continuation of several lines is left alone', ['The prefix tree is the structure that the autocomplete service in this design uses to', '', 'answer lookups', 'in linear time.'], ['The prefix tree is the structure that the autocomplete service in this design uses to', '', 'answer lookups', 'in linear time.']],
  ])('page breaks: %s', (_, input, expected) => {
    const out = joinPageBreaks(toLines(input.join('\n')));
    expect(texts(out)).toEqual(expected);
    expect(out.map((l) => l.origin)).toEqual(input.map((_, i) => i + 1));
  });

  it('blanks YAML front matter but not a thematic break', () => {
    expect(texts(blankFrontMatter(toLines('---\ntitle: Caching\ntags: [a, b]\n---\n# Caching')))).toEqual(['', '', '', '', '# Caching']);
    expect(texts(blankFrontMatter(toLines('---\nJust a rule above prose.\n---')))).toEqual(['---', 'Just a rule above prose.', '---']);
  });
});

describe('joinBrokenWords', () => {
  it.each([
    ['by count- ing replicas', 'by counting replicas'],
    ['two repli- cas agree', 'two replicas agree'],
    ['read- and write-heavy loads', 'read- and write-heavy loads'],
    ['a high- level view', 'a high- level view'],
  ])('%j -> %j', (text, cleaned) => {
    expect(joinBrokenWords([{ text, origin: 1 }])).toEqual([{ text: cleaned, origin: 1 }]);
  });
});
