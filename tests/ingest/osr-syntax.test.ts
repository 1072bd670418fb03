import { describe, expect, it } from 'vitest';
import { explicitCardsInText } from '@/lib/ingest/extract/explicit';

/**
 * Obsidian Spaced Repetition syntax, with cases ported from the plugin's own parser tests
 * (st3v3nmw/obsidian-spaced-repetition, tests/unit/parser*.test.ts) under its default settings,
 * plus cases notes need. OSR's results map to our cards as: a reversed card is two cards (Q->A
 * and A->Q); a cloze card is one card per deletion. Lines are 1-based; each text starts at line 1.
 */
type Row = [kind: 'explicit' | 'cloze', question: string, answer: string, line: number, endLine: number];

const note = (...lines: string[]) => lines.join('\n');
const cardsIn = (text: string): Row[] => explicitCardsInText(text, 1).map((c) => [c.kind, c.question, c.answer, c.line, c.endLine]);
const card = (question: string, answer: string, line: number, endLine = line): Row => ['explicit', question, answer, line, endLine];
const cloze = (question: string, answer: string, line: number, endLine = line): Row => ['cloze', `Fill in the blank: ${question}`, answer, line, endLine];
/** A reversed card: asked both ways, the reverse showing the question as written. */
const reversed = (prompt: string, question: string, answer: string, line: number, endLine = line): Row[] => [
  card(prompt, answer, line, endLine),
  card(answer, question, line, endLine),
];

const SCHEDULE = '<!--SR:!2021-08-11,4,270-->';

/** OSR runs the same single-line cases for "::" and ":::". */
const inlineCases = (separator: '::' | ':::'): [string, string, Row[]][] => {
  const asked = (line: number, endLine = line) =>
    separator === '::' ? [card('Question?', 'Answer', line, endLine)] : reversed('Question?', 'Question', 'Answer', line, endLine);
  return [
    ['no spaces', `Question${separator}Answer`, asked(1)],
    ['scheduling on the same line', `Question${separator}Answer ${SCHEDULE}`, asked(1)],
    ['scheduling on the next line', note(`Question${separator}Answer`, SCHEDULE), asked(1, 2)],
    ['text before', note('Some text before', `Question ${separator}Answer`), asked(2)],
    ['text before, scheduling on the same line', note('Some text before', `Question ${separator}Answer ${SCHEDULE}`), asked(2)],
    ['text before, scheduling on the next line', note('Some text before', `Question ${separator}Answer`, SCHEDULE), asked(2, 3)],
    ['text after', note(`Question ${separator}Answer`, 'Some text after'), asked(1)],
    ['text after, scheduling on the same line', note(`Question ${separator}Answer ${SCHEDULE}`, 'Some text after'), asked(1)],
    ['text after, indented scheduling on the next line', note(`Question ${separator}Answer`, ` ${SCHEDULE}`, 'Some text after'), asked(1, 2)],
    ['text around', note('Some text before', `Question ${separator}Answer`, 'Some text after'), asked(2)],
    ['text around, scheduling on the next line', note('Some text before', `Question ${separator}Answer`, ` ${SCHEDULE}`, 'Some text after'), asked(2, 3)],
    ['a flashcards tag before the question', `#flashcards/science Question ${separator}Answer`, asked(1)],
  ];
};

describe('OSR single-line cards', () => {
  it.each<[string, string, Row[]]>([
    ...inlineCases('::').map(([name, text, rows]): [string, string, Row[]] => [`"::" ${name}`, text, rows]),
    ...inlineCases(':::').map(([name, text, rows]): [string, string, Row[]] => [`":::" ${name}`, text, rows]),
    ['one card per line, space after the separator', note('#Title', '', 'Q1::A1', 'Q2:: A2'), [card('Q1?', 'A1', 3), card('Q2?', 'A2', 4)]],
    ['reversed, one card per line', note('#Title', '', 'Q1:::A1', 'Q2::: A2'), [...reversed('Q1?', 'Q1', 'A1', 3), ...reversed('Q2?', 'Q2', 'A2', 4)]],
    ['spaces around the separator', 'What is a cache? :: A fast store of copies.', [card('What is a cache?', 'A fast store of copies.', 1)]],
    ['":::" is a reversed card, not "::" with an answer starting ":"', 'Capital of France ::: Paris', reversed('Capital of France?', 'Capital of France', 'Paris', 1)],
    ['"::" needs no spaces, so a C++ scope reads as a card too', 'std::vector is a C++ type', [card('std?', 'vector is a C++ type', 1)]],
    ['a nested flashcards tag is dropped', '#flashcards/system-design/caching What is LRU?::Least recently used', [card('What is LRU?', 'Least recently used', 1)]],
    ['a block id is dropped', 'Capital of France::Paris ^capital-fr', [card('Capital of France?', 'Paris', 1)]],
    ['markup is dropped from both sides', 'What is **Redis**? :: An [in-memory](https://redis.io) store.', [card('What is Redis?', 'An in-memory store.', 1)]],
    ['a highlight in a card is text, not a cloze', 'The ==leader== role::accepts writes', [card('The leader role?', 'accepts writes', 1)]],
    ['list items', note('- LRU::Least recently used', '- LFU :: Least frequently used', '  - TTL::Time to live'), [
      card('LRU?', 'Least recently used', 1), card('LFU?', 'Least frequently used', 2), card('TTL?', 'Time to live', 3),
    ]],
    ['ordered and task list items', note('1. RPS::Requests per second', '- [ ] QPS::Queries per second'), [
      card('RPS?', 'Requests per second', 1), card('QPS?', 'Queries per second', 2),
    ]],
    ['a blockquote', '> Quorum::A majority of replicas', [card('Quorum?', 'A majority of replicas', 1)]],
    ['a table row is no card', '| localhost | ::1 |', []],
    ['inline code on both sides', 'What does `GET key` return::the value stored under `key`', [card('What does GET key return?', 'the value stored under key', 1)]],
  ])('%s', (_case, text, expected) => {
    expect(cardsIn(text)).toEqual(expected);
  });
});

describe('OSR multi-line cards', () => {
  it.each<[string, string, Row[]]>([
    ['question, "?", answer', note('Question', '?', 'Answer'), [card('Question?', 'Answer', 1, 3)]],
    ['a space after "?"', note('Question', '? ', 'Answer'), [card('Question?', 'Answer', 1, 3)]],
    ['scheduling after the answer', note('Question', '?', `Answer ${SCHEDULE}`), [card('Question?', 'Answer', 1, 3)]],
    ['scheduling on the line after', note('Question', '?', 'Answer', SCHEDULE), [card('Question?', 'Answer', 1, 4)]],
    ['two question lines stay as written', note('Question line 1', 'Question line 2', '?', 'Answer'), [card('Question line 1\nQuestion line 2', 'Answer', 1, 4)]],
    ['two answer lines', note('Question', '?', 'Answer line 1', 'Answer line 2'), [card('Question?', 'Answer line 1\nAnswer line 2', 1, 4)]],
    ['the question is the whole paragraph; a blank line ends the answer', note('#Title', '', 'Line0', 'Q1', '?', 'A1', 'AnswerExtra', '', 'Q2', '?', 'A2'), [
      card('Line0\nQ1', 'A1\nAnswerExtra', 3, 7), card('Q2?', 'A2', 9, 11),
    ]],
    ['a flashcards tag on the line before', note('#flashcards/tag-on-previous-line', 'Question', '?', 'Answer'), [card('Question?', 'Answer', 1, 4)]],
    ['a blank line right after "?" leaves no answer', note('Question with a blank line after the mark', '?', '', 'Answer'), []],
    ['a lone "?" asks nothing', note('?', 'Answer'), []],
    ['reversed', note('Question', '??', 'Answer'), reversed('Question?', 'Question', 'Answer', 1, 3)],
    ['reversed, two question lines', note('Question line 1', 'Question line 2', '??', 'Answer'), reversed('Question line 1\nQuestion line 2', 'Question line 1\nQuestion line 2', 'Answer', 1, 4)],
    ['reversed, two answer lines', note('Question', '??', 'Answer line 1', 'Answer line 2'), reversed('Question?', 'Question', 'Answer line 1\nAnswer line 2', 1, 4)],
    ['reversed, two cards', note('#Title', '', 'Line0', 'Q1', '??', 'A1', 'AnswerExtra', '', 'Q2', '??', 'A2'), [
      ...reversed('Line0\nQ1', 'Line0\nQ1', 'A1\nAnswerExtra', 3, 7), ...reversed('Q2?', 'Q2', 'A2', 9, 11),
    ]],
    ['reversed, after a line of tags', note('some text', 'some text', '', '#flashcards/tag1 #flashcards/tag2', 'QL1', '??', 'AL1', '', 'AL2'), reversed('QL1?', 'QL1', 'AL1', 4, 7)],
    ['a question with its own punctuation stays as written', note('Define CAP:', '?', 'Consistency, availability, partition tolerance.'), [
      card('Define CAP:', 'Consistency, availability, partition tolerance.', 1, 3),
    ]],
    ['the next "::" card ends the answer', note('Q1', '?', 'A1', 'Q2::A2'), [card('Q1?', 'A1', 1, 3), card('Q2?', 'A2', 4)]],
    ['the next multi-line card ends the answer', note('Q1', '?', 'A1', 'Q2', '?', 'A2'), [card('Q1?', 'A1', 1, 3), card('Q2?', 'A2', 4, 6)]],
    ['a "::" card ends the question before it', note('Q1::A1', 'Q2', '?', 'A2'), [card('Q1?', 'A1', 1), card('Q2?', 'A2', 2, 4)]],
    ['a heading ends the answer', note('Question', '?', 'Answer', '## Next topic'), [card('Question?', 'Answer', 1, 3)]],
    ['a block id is dropped', note('Question', '?', 'Answer ^card-7'), [card('Question?', 'Answer', 1, 3)]],
    ['inside a list item', note('- What does a load balancer do', '  ?', '  It spreads requests across servers.'), [
      card('What does a load balancer do?', 'It spreads requests across servers.', 1, 3),
    ]],
    ['a list answer keeps its items', note('Eviction policies', '?', '- LRU', '- LFU'), [card('Eviction policies?', '- LRU\n- LFU', 1, 4)]],
  ])('%s', (_case, text, expected) => {
    expect(cardsIn(text)).toEqual(expected);
  });
});

describe('OSR cloze cards (==highlights==, the only cloze syntax on by default)', () => {
  it.each<[string, string, Row[]]>([
    ['one deletion', 'cloze ==deletion== test', [cloze('cloze ____ test', 'deletion', 1)]],
    ['scheduling on the next line', note('cloze ==deletion== test', SCHEDULE), [cloze('cloze ____ test', 'deletion', 1, 2)]],
    ['scheduling on the same line', `cloze ==deletion== test ${SCHEDULE}`, [cloze('cloze ____ test', 'deletion', 1)]],
    ['one card per deletion', '==this== is a ==deletion==\n', [cloze('____ is a deletion', 'this', 1), cloze('this is a ____', 'deletion', 1)]],
    ['the card is the whole paragraph', note('some text before', '', 'a deletion on', 'such ==wow==', '', 'many text', 'such surprise ==wow== more ==text==', 'some text after', '', 'Hmm'), [
      cloze('a deletion on such ____', 'wow', 3, 4),
      cloze('many text such surprise ____ more text some text after', 'wow', 6, 8),
      cloze('many text such surprise wow more ____ some text after', 'text', 6, 8),
    ]],
    ['an unclosed mark', 'srdf ==', []],
    ['a deletion across lines', note('lorem ipsum ==p', 'dolor won=='), []],
    ['a half-closed mark', 'lorem ipsum ==dolor won=', []],
    ['bold is no cloze by default', 'cloze **deletion** test', []],
    ['curly brackets are no cloze by default', 'cloze {{deletion}} test', []],
    ['bold beside a highlight', 'cloze **deletion** test ==another deletion==!', [cloze('cloze deletion test ____!', 'another deletion', 1)]],
    ['inline code in a deletion', 'this has some ==`inline`== code', [cloze('this has some ____ code', 'inline', 1)]],
    ['"==" with spaces inside is a comparison, not a highlight', 'Use it only when a == b and b == c hold', []],
    ['in a list item', '- In Raft the ==leader== replicates the log.', [cloze('In Raft the ____ replicates the log.', 'leader', 1)]],
  ])('%s', (_case, text, expected) => {
    expect(cardsIn(text)).toEqual(expected);
  });
});

describe('OSR: a mix of card types', () => {
  it('reads clozes, a "::" card and a reversed multi-line card in one note', () => {
    const text = note(
      '# Caching',
      '',
      'A ==cache== keeps ==copies== of data',
      'close to the reader.',
      '',
      'Write-back::writes reach the store later',
      '',
      'The lifetime of an entry',
      '??',
      'TTL',
      SCHEDULE,
    );
    expect(cardsIn(text)).toEqual([
      cloze('A ____ keeps copies of data close to the reader.', 'cache', 3, 4),
      cloze('A cache keeps ____ of data close to the reader.', 'copies', 3, 4),
      card('Write-back?', 'writes reach the store later', 6),
      ...reversed('The lifetime of an entry?', 'The lifetime of an entry', 'TTL', 8, 11),
    ]);
  });

  it('numbers lines from the section start it is given', () => {
    expect(explicitCardsInText(note('Intro.', '', 'Q::A'), 40).map((c) => [c.line, c.endLine])).toEqual([[42, 42]]);
  });
});

describe('OSR: code', () => {
  it.each<[string, string, Row[]]>([
    ['an answer that is a code block', note('How do you read user 42?', '?', '```', 'GET user:42', '```'), [card('How do you read user 42?', 'GET user:42', 1, 5)]],
    ['an answer that is a code block with blank lines', note('How do you set a key that expires?', '?', '```bash', 'SET k v', '', '', 'EXPIRE k 60', '```'), [
      card('How do you set a key that expires?', 'SET k v\n\nEXPIRE k 60', 1, 8),
    ]],
    ['an answer with fences nested in a fence', note('Nested fences?', '?', '````note', '', '```diff', '+ added', '- removed', '```', '', '~~~python', "print('x')", '~~~', '````'), [
      card('Nested fences?', "```diff\n+ added\n- removed\n```\n\n~~~python\nprint('x')\n~~~", 1, 13),
    ]],
    ['"::" in a code block', note('```', 'Codeblockq::CodeblockA', '```'), []],
    ['":::" in a code block', note('```', 'Codeblockq:::CodeblockA', '```'), []],
    ['a highlight in a code block', note('# Title', '', '```markdown', 'some ==highlighted text==!', '```', '', 'more!'), []],
    ['"::" in inline code', '`Inlineq::InlineA`', []],
    ['a card beside code that holds "::"', note('Question::Answer', '', '```', 'Codeblockq::CodeblockA', '```', '', '`Inlineq::InlineA`', ''), [card('Question?', 'Answer', 1)]],
    ['"?" in a code block', note('Question', '```', '?', '```', 'Answer'), []],
  ])('%s', (_case, text, expected) => {
    expect(cardsIn(text)).toEqual(expected);
  });
});

describe('OSR: HTML comments', () => {
  it.each<[string, string, Row[]]>([
    ['"::" in a comment', '<!--question::answer test-->', []],
    ['":::" in a comment', '<!--question:::answer test-->', []],
    ['a multi-line card in a comment', note('<!--', 'Question', '?', `Answer ${SCHEDULE}`, '-->'), []],
    ['nested comments', note('<!--', 'Question', '?', `Answer ${SCHEDULE}`, '', '<!--cloze ==deletion== test-->-->'), []],
    ['a cloze in a comment', '<!--cloze ==deletion== test-->', []],
    ['a cloze in a comment below text', note('something something', '<!--cloze ==deletion== test-->'), []],
    ['a card after a comment', note('something something', '', '<!--cloze ==deletion== test-->', '', 'a::b'), [card('a?', 'b', 5)]],
  ])('%s', (_case, text, expected) => {
    expect(cardsIn(text)).toEqual(expected);
  });
});
