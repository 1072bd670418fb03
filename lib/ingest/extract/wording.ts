/**
 * Text that opens with an instruction ("Choose AP over CP", "Add file metadata"): advice or a
 * step, never the name of a thing, so it is neither a term, a list's subject nor a table attribute.
 */
export const IMPERATIVE = /^(?:choose|use(?! cases?\b)|prefer|pick|avoid|consider|add|check|make sure|ensure|go with|opt for|implement|try|do|don't|never|always)\b/i;
