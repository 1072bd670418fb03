/** Decorative pictographs (and their joiners, skin tones, flags), U+FFFD and the Apple-logo glyph. */
export const EMOJI = /[\uFFFD\uF8FF\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D\u20E3]/gu;

export function stripEmoji(text: string): string {
  return text.replace(EMOJI, '').replace(/\s{2,}/g, ' ').trim();
}
