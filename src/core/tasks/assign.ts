import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { roster, type EnumValue } from '../sheets';
import { typedCells } from '../table/cells';
import { str } from '../table/record';
import { enumLabel } from '../table/labels';
import type { SheetRow } from '../table/mapping';

type Role = EnumValue<'role'>;

export interface Assignment {
  readonly assignee: string;
  /** Non-empty when nobody holds the role and the office head stands in. */
  readonly flag: string;
}

/** Resolves roles to people through the Roster; an unfilled role falls to the office head, flagged. */
export interface Assigner {
  /** `written` is the cell as typed: a role that is not on the list is flagged under that name. */
  byRole(role: Role | null, written?: unknown): Assignment;
  /** The office head: the roster's 总务主任, else the Settings e-mail. */
  readonly head: string;
}

export function assignerFrom(
  rows: readonly SheetRow[],
  timeZone: string,
  lang: Lang,
  headEmail: string,
): Assigner {
  const holder = new Map<Role, string>();
  for (const { cells } of rows) {
    const t = typedCells(roster.columns, cells, timeZone);
    const name = str(t.name);
    // First person on the roster per role, skipping those marked off duty.
    if (name && t.role && t.onDuty !== false && !holder.has(t.role as Role)) holder.set(t.role as Role, name);
  }
  const head = holder.get('head') ?? headEmail;
  const template = messages(lang).tasks.unassigned;
  return {
    head,
    byRole(role, written) {
      const person = role ? holder.get(role) : undefined;
      if (person) return { assignee: person, flag: '' };
      const name = role ? enumLabel(lang, 'role', role) : String(written ?? '').trim();
      return { assignee: head, flag: name ? fill(template, { role: name }) : '' };
    },
  };
}

/** Houqin's own notes start with this mark; any other note is the office's and is never rewritten. */
export const FLAG_MARK = '⚑';

export function isHouqinNote(note: string): boolean {
  return note === '' || note.startsWith(FLAG_MARK);
}
