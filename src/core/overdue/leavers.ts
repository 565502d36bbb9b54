import { fill, messages } from '../i18n';
import { labelKey } from '../table/labels';
import { addDays } from '../time';
import type { Draft, RuleContext } from './draft';
import { day, str, type TypedRecord } from '../table/record';

/**
 * Staff leaving the school (Roster 离校日期 within the lead days, or past) who still have borrowed
 * items out or are custodian of assets not scrapped: the office head is told, until the items are
 * returned and the assets handed to someone else.
 */
export function leaversWithItems(
  roster: readonly TypedRecord[],
  movements: readonly TypedRecord[],
  /** Typed only when someone is leaving: most days nobody is. */
  assets: () => readonly TypedRecord[],
  ctx: RuleContext,
): Draft[] {
  const leaving = roster
    .map(({ row, v }) => ({ row, name: str(v.name).trim(), left: day(v.leftDate) }))
    .filter((p) => p.name && p.left !== null && p.left <= addDays(ctx.today, ctx.settings.expiryLeadDays));
  if (!leaving.length) return [];
  const loans = new Map<string, number>();
  for (const { v } of movements)
    if (v.type === 'borrow' && day(v.returnedDate) === null) {
      const who = labelKey(str(v.party));
      loans.set(who, (loans.get(who) ?? 0) + 1);
    }
  const kept = new Map<string, number>();
  for (const { v } of assets())
    if (v.status !== 'scrapped') {
      const who = labelKey(str(v.custodian));
      kept.set(who, (kept.get(who) ?? 0) + 1);
    }
  const template = messages(ctx.settings.language).routines.leaver;
  const out: Draft[] = [];
  for (const p of leaving) {
    const key = labelKey(p.name);
    const items = { loans: loans.get(key) ?? 0, assets: kept.get(key) ?? 0 };
    if (!items.loans && !items.assets) continue;
    out.push({
      kind: 'leaver',
      sheet: 'roster',
      row: p.row,
      ref: `${p.name}-${p.left}`,
      title: fill(template, { name: p.name, date: p.left!, ...items }),
      detail: '',
      due: p.left!,
      // The office head hears about it: nobody else can recover the items.
      person: ctx.people.nameInRole('head') ?? '',
    });
  }
  return out;
}
