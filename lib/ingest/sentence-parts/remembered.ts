/**
 * A pure function of one string, remembered: notes repeat their vocabulary, labels and topics, so
 * each distinct input is worked out once per process. Results never change for an input.
 */
export function remembered<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      value = compute(text);
      // A long-running server reads note after note: what is remembered stays bounded.
      if (known.size >= MAX_REMEMBERED) known.clear();
      known.set(text, value);
    }
    return value;
  };
}

/** Inputs remembered per function before the memory starts over. */
const MAX_REMEMBERED = 100_000;
