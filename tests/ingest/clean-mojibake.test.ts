import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../lib/ingest/clean/mojibake';

type Charset = 'windows-1252' | 'macintosh' | 'latin1';

/**
 * Reproduces the damage: UTF-8 bytes read in `charset`. Bytes the iconv-lite table leaves
 * undefined come out as real producers emit them: C1 controls for cp1252, the Apple logo for
 * Mac Roman 0xF0.
 */
function garble(text: string, charset: Charset): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = iconv.decode(Buffer.from([byte]), charset);
      if (char !== '\uFFFD') return char;
      return byte === 0xf0 && charset === 'macintosh' ? '\uF8FF' : String.fromCharCode(byte);
    })
    .join('');
}

describe('repairMojibake: literal damaged strings', () => {
  it.each([
    // Mac Roman
    ['# \uF8FFüéØ Modern System Design', '# 🎯 Modern System Design'],
    ['- ‚Ä¢ item', '- • item'],
    ['‚Ä¢ first ‚Ä¢ second', '• first • second'],
    ['client ‚Üí LB ‚Üí server', 'client → LB → server'],
    ['p99 under 250 Œºs', 'p99 under 250 μs'],
    ['‚ùå single point of failure', '❌ single point of failure'],
    ['‚≠ê‚≠ê‚≠ê must know', '⭐⭐⭐ must know'],
    ['‚úÖ idempotent', '✅ idempotent'],
    ['Caf√© and cr√®me', 'Café and crème'],
    ['it‚Äôs ‚Äúeventual‚Äù', 'it’s “eventual”'],
    ['25¬∞C', '25°C'],
    ['\uF8FFüöÄ ship it', '🚀 ship it'],
    // Windows-1252
    ['cafÃ©', 'café'],
    ['itâ€™s', 'it’s'],
    ['â€œquotedâ€\u009d', '“quoted”'],
    ['ðŸš€ launch', '🚀 launch'],
    ['a â†’ b', 'a → b'],
    ['â€¢ bullet', '• bullet'],
    ['waitâ€¦', 'wait…'],
    ['2 Ã— 3', '2 × 3'],
    ['Â°C and Â©', '°C and ©'],
    ['StraÃŸe', 'Straße'],
    ['âš\u00a0ï¸\u008f careful', '⚠️ careful'],
    ['æ—¥æœ¬èªž', '日本語'],
    ['ÐŸÑ€Ð¸Ð²ÐµÑ‚', 'Привет'],
    ['KhÃ´ng lÃ\u00a0 nÃ³ scan DB', 'Không là nó scan DB'],
    ['báº£ng', 'bảng'],
    // Latin-1: C1 controls where cp1252 would have printable characters
    ['it\u00e2\u0080\u0099s', 'it’s'],
    ['\u00e2\u0080\u0094 dash', '— dash'],
    // A garbled byte-order mark disappears.
    ['ï»¿# Title', '# Title'],
  ])('%j -> %j', (input, expected) => {
    expect(repairMojibake(input).text).toBe(expected);
  });
});

/** Legitimate text in many scripts and symbol sets, garbled three ways in the round-trip test. */
const LEGIT = [
  'café',
  'naïve',
  'Straße',
  'año',
  'Füße',
  'Crème brûlée',
  'São Paulo',
  'Ærøskøbing',
  'Không là nó scan DB',
  'bảng',
  'Tiếng Việt',
  'Đà Nẵng',
  '日本語のテキスト',
  '中文字符',
  '한국어',
  'Ελληνικά',
  'Привет мир',
  '🎯 🚀 ✅ ❌ ⭐ 👨‍💻 ⚠️',
  '“double” ‘single’',
  'a — b – c …',
  '3 × 4 ÷ 2',
  'a → b ← c ⇒ d',
  '10 μs and 10 µs',
  '25 °C',
  '© 2024 ™ ®',
  '½ + ¼ = ¾',
  '∑ x ≤ ∞, π ≈ 3.14, a ≠ b, √2',
  '€10 £5 ¥3',
  'l’été',
  '«Ça va»',
  'x² H₂O 10⁶',
  'ﬁle ✓',
];

describe('repairMojibake: round trips', () => {
  const cases = LEGIT.flatMap((text) =>
    (['windows-1252', 'macintosh', 'latin1'] as const).map((charset) => [charset, text, garble(text, charset)] as const),
  );

  it.each(cases)('%s: %j', (_charset, original, garbled) => {
    expect(repairMojibake(garbled).text).toBe(original);
  });
});

describe('repairMojibake: legitimate text is never touched', () => {
  it.each([
    ...LEGIT,
    'Un café, s’il vous plaît — «\u00a0Ça va\u00a0» (no-break spaces)',
    '“École” and ‘été’',
    'naïve—élan',
    'café—élan',
    'Zürich—Genève',
    'Ärger Öl Übel',
    'ß» É” Ñ¿',
    'עברית العربية',
    '√n, ∂f/∂x, ∫ f dx, ∀x ∃y',
    'line one\nline two — done\n',
    '',
    'plain ASCII only',
  ])('%j', (text) => {
    expect(repairMojibake(text)).toEqual({ text, repaired: 0 });
  });
});

describe('repairMojibake: mixed documents', () => {
  it('repairs mojibake next to legitimate accents on one line', () => {
    expect(repairMojibake('Café au lait ‚Üí crème brûlée, naïve ‚Ä¢ done').text).toBe(
      'Café au lait → crème brûlée, naïve • done',
    );
  });

  it('splits a run so a legitimate character adjacent to mojibake survives', () => {
    expect(repairMojibake('résuméâ€™s').text).toBe('résumé’s');
    expect(repairMojibake('é‚Üí').text).toBe('é→');
  });

  it('repairs a whole note and keeps every line', () => {
    const note = [
      '# \uF8FFüéØ Modern System Design',
      '',
      '## Caching ‚Äî why',
      '- ‚Ä¢ Write-through ‚Üí consistent, slower',
      '- Latency: ~100 Œºs (network) vs ~100 ns',
      '- ‚ùå stale reads, ‚úÖ fewer DB hits',
      'Le café est prêt.',
    ].join('\n');
    const expected = [
      '# 🎯 Modern System Design',
      '',
      '## Caching — why',
      '- • Write-through → consistent, slower',
      '- Latency: ~100 μs (network) vs ~100 ns',
      '- ❌ stale reads, ✅ fewer DB hits',
      'Le café est prêt.',
    ].join('\n');
    expect(repairMojibake(note)).toEqual({ text: expected, repaired: 7 });
  });

  it('uses one charset per document: the one explaining the most runs', () => {
    // "Ã©" is cp1252 mojibake; under Mac Roman only "‚Üí" would repair, and there are fewer.
    const text = 'cafÃ© rÃ©sumÃ© ‚Üí';
    expect(repairMojibake(text).text).toBe('café résumé ‚Üí');
  });

  it('counts repaired spans', () => {
    expect(repairMojibake('â€œhiâ€\u009d').repaired).toBe(2);
    expect(repairMojibake('nothing here').repaired).toBe(0);
  });

  it('is idempotent', () => {
    const once = repairMojibake('itâ€™s cafÃ© ðŸš€').text;
    expect(repairMojibake(once)).toEqual({ text: once, repaired: 0 });
  });

  it('returns the input unchanged when nothing is repairable', () => {
    const text = 'déjà vu — “naïve” café';
    expect(repairMojibake(text).text).toBe(text);
  });

  it('handles a 1 MB note', () => {
    const garbledLine = '- ‚Ä¢ Caching ‚Üí 10 Œºs, café \uF8FFüéØ\n';
    const cleanLine = '- • Caching → 10 μs, café 🎯\n';
    const times = Math.ceil(1_000_000 / garbledLine.length);
    const result = repairMojibake(garbledLine.repeat(times));
    expect(result.text).toBe(cleanLine.repeat(times));
    expect(result.repaired).toBe(4 * times);
  });
});
