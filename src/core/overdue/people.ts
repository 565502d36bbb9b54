import { isEmail } from '../settings/parse';
import type { EnumValue } from '../sheets';
import { labelKey } from '../table/labels';
import { str, type TypedRecord } from '../table/record';

/** Who someone is to the alerts: a name in a cell resolved through the Roster. */
export interface People {
  /** The valid e-mail of the person named, if the Roster has one. */
  emailOf(name: string): string | undefined;
  /** The first person on duty in a role, for records that name a post rather than a person. */
  nameInRole(role: EnumValue<'role'>): string | undefined;
  /** The Roster name of an address, for greetings. */
  nameOf(email: string): string | undefined;
}

/**
 * The one lookup of the Roster by e-mail: every record holding an address, in sheet order, keyed
 * by the address with case and surrounding spaces ignored (see `emailKey`).
 */
export function rosterByEmail(roster: readonly TypedRecord[]): Map<string, TypedRecord[]> {
  const out = new Map<string, TypedRecord[]>();
  for (const r of roster) {
    const key = emailKey(str(r.v.email));
    if (!key) continue;
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}

/** An address as the Roster is searched by it. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** The Roster names of some records, in sheet order, blanks left out. */
export function rosterNames(records: readonly TypedRecord[]): string[] {
  return records.map((r) => str(r.v.name).trim()).filter(Boolean);
}

export function peopleFrom(roster: readonly TypedRecord[]): People {
  const emails = new Map<string, string>();
  const byRole = new Map<string, string>();
  const byEmail = rosterByEmail(roster);
  for (const r of roster) {
    const name = str(r.v.name).trim();
    if (!name) continue;
    const email = str(r.v.email).trim();
    if (isEmail(email) && !emails.has(labelKey(name))) emails.set(labelKey(name), email);
    const role = str(r.v.role);
    if (role && r.v.onDuty !== false && !byRole.has(role)) byRole.set(role, name);
  }
  return {
    emailOf: (name) => emails.get(labelKey(name)),
    nameInRole: (role) => byRole.get(role),
    nameOf: (email) => rosterNames(byEmail.get(emailKey(email)) ?? [])[0],
  };
}
