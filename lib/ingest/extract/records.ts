import { namesThing } from '../sentence-parts';

/** A name of a few words ("write-behind / write-back", "token bucket") and a record separator after it. */
const RECORD_OPENER = /^([\p{L}\d][\p{L}\d/'-]*(?:\s+[\p{L}\d/'-]+){0,4}?)\s*(?::\s|\s(?:[-–—=]|-+>|=+>|→|⇒)\s)/u;

/** "token bucket - ...", not "We need 3 APIs: ...": the line opens with a name, not a clause, before its separator. */
export function opensRecord(line: string): boolean {
  const name = RECORD_OPENER.exec(line)?.[1];
  return name !== undefined && namesThing(name);
}

