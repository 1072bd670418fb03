/**
 * Leech detection, as Anki does it: a card becomes a leech on the lapse that brings its lapse
 * count to the threshold, and again every half threshold (rounded up) after that, so a card
 * that was unsuspended and keeps failing is caught again without waiting a whole threshold.
 *
 * @param lapsesBefore lapses before this answer (integer >= 0)
 * @param lapsesAfter  lapses after this answer; a lapse happened iff lapsesAfter > lapsesBefore
 * @param threshold    User.leechLapses, integer >= 1
 */
export function isLeechLapse(lapsesBefore: number, lapsesAfter: number, threshold: number): boolean {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`Invalid leech threshold ${String(threshold)}: expected an integer >= 1`);
  }
  if (lapsesAfter <= lapsesBefore || lapsesAfter < threshold) return false;
  return (lapsesAfter - threshold) % Math.ceil(threshold / 2) === 0;
}
