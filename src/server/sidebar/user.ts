import { str, type TypedRecord } from '../../core/overdue/read';

/** The person using the sidebar as the office names them: their Roster name, else their e-mail. */
export function activeUserName(roster: readonly TypedRecord[]): string {
  const email = Session.getActiveUser().getEmail().trim().toLowerCase();
  const person = email ? roster.find((r) => str(r.v.email).trim().toLowerCase() === email) : undefined;
  return person ? str(person.v.name) : email;
}
