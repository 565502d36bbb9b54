import { emailKey, rosterByEmail, rosterNames } from '../overdue/people';
import type { TypedRecord } from '../table/record';

/** The person signed in, as the Roster knows them by their e-mail. */
export interface User {
  readonly email: string;
  /** Their Roster name, else their e-mail: how the office writes them in a record. */
  readonly name: string;
  /** Every way a record may name them: each Roster name with their e-mail, and the e-mail itself. */
  readonly names: ReadonlySet<string>;
  /** On duty as the office head, who may act for anyone. */
  readonly head: boolean;
}

/** Looks up the signed-in e-mail on the Roster (case and surrounding spaces ignored). */
export function userOf(roster: readonly TypedRecord[], email: string): User {
  const address = emailKey(email);
  const rows = (address && rosterByEmail(roster).get(address)) || [];
  const names = rosterNames(rows);
  return {
    email: address,
    name: names[0] ?? address,
    names: new Set(address ? [address, ...names] : names),
    head: rows.some((r) => r.v.role === 'head' && r.v.onDuty !== false),
  };
}
