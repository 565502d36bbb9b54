import { isEmail } from '../settings/parse';
import type { EnumValue } from '../sheets';
import { labelKey } from '../table/labels';
import { str, type TypedRecord } from './read';

/** Who someone is to the alerts: a name in a cell resolved through the Roster. */
export interface People {
  /** The valid e-mail of the person named, if the Roster has one. */
  emailOf(name: string): string | undefined;
  /** The first person on duty in a role, for records that name a post rather than a person. */
  nameInRole(role: EnumValue<'role'>): string | undefined;
  /** The Roster name of an address, for greetings. */
  nameOf(email: string): string | undefined;
}

export function peopleFrom(roster: readonly TypedRecord[]): People {
  const emails = new Map<string, string>();
  const byRole = new Map<string, string>();
  const names = new Map<string, string>();
  for (const r of roster) {
    const name = str(r.v.name).trim();
    if (!name) continue;
    const email = str(r.v.email).trim();
    if (isEmail(email) && !emails.has(labelKey(name))) emails.set(labelKey(name), email);
    if (isEmail(email) && !names.has(email.toLowerCase())) names.set(email.toLowerCase(), name);
    const role = str(r.v.role);
    if (role && r.v.onDuty !== false && !byRole.has(role)) byRole.set(role, name);
  }
  return {
    emailOf: (name) => emails.get(labelKey(name)),
    nameInRole: (role) => byRole.get(role),
    nameOf: (email) => names.get(email.toLowerCase()),
  };
}
