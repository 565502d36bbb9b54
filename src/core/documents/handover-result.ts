import { repairDeadline } from '../domain/repairs';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { str, type TypedRecord } from '../table/record';
import type { Settings } from '../settings/schema';
import type { Changes } from '../sidebar/records';
import { nextId, sameId } from '../sidebar/records';
import { enumLabel } from '../table/labels';
import type { CellValue } from '../table/mapping';
import { taskKey, type ExistingTask } from '../tasks/model';
import { addDays, instantOf, type Day } from '../time';

/** What the office found for one asset at a handover check. */
export type CheckState = 'present' | 'missing' | 'damaged';
export const CHECK_STATES: readonly CheckState[] = ['present', 'missing', 'damaged'];

export interface HandoverCheck {
  readonly assetId: string;
  readonly state: CheckState;
  readonly note: string;
}

/** The most assets one check may carry, and the longest note: a crafted call cannot hang the script. */
export const MAX_CHECKS = 5000;
export const MAX_NOTE = 200;

/**
 * Reads a check as google.script.run delivers it (untrusted): a list of {assetId, state, note}.
 * Returns the checks, or the reason it refuses.
 */
export function readChecks(
  given: unknown,
  lang: Lang,
): { ok: true; checks: HandoverCheck[] } | { ok: false; message: string } {
  const m = messages(lang).documents.handoverResult;
  if (!Array.isArray(given) || given.length === 0 || given.length > MAX_CHECKS)
    return { ok: false, message: m.bad };
  const checks: HandoverCheck[] = [];
  for (const item of given as unknown[]) {
    const o = item as Record<string, unknown> | null;
    if (!o || typeof o !== 'object') return { ok: false, message: m.bad };
    const { assetId, state, note } = o;
    if (typeof assetId !== 'string' || !assetId.trim() || assetId.length > 40)
      return { ok: false, message: m.bad };
    if (typeof state !== 'string' || !CHECK_STATES.includes(state as CheckState))
      return { ok: false, message: m.bad };
    const text = typeof note === 'string' ? note : '';
    if (text.length > MAX_NOTE || [...text].some((c) => c < ' ')) return { ok: false, message: m.bad };
    checks.push({ assetId: assetId.trim(), state: state as CheckState, note: text.trim() });
  }
  return { ok: true, checks };
}

export interface HandoverContext {
  readonly lang: Lang;
  readonly now: Date;
  readonly today: Day;
  readonly timeZone: string;
  readonly settings: Pick<Settings, 'repairHours' | 'contractorHours'>;
  /** Who records it (Roster name, else e-mail): the repair's reporter. */
  readonly user: string;
  /** The office head as the Tasks sheet names people (Roster name, else the Settings e-mail). */
  readonly head: string;
}

const OPEN_REPAIR = new Set(['reported', 'in_progress']);

/**
 * The changes a recorded handover check makes, in one plan: a damaged asset becomes a repair (and
 * the register says 维修中), a missing one an item for the office head on the Tasks sheet, and
 * the custodians' open term registration / hand-back tasks are marked done. Recording the same
 * check again adds nothing twice: an asset with an open repair, or an open missing-asset item, is
 * left as it is.
 */
export function planHandoverResult(
  checks: readonly HandoverCheck[],
  ctx: HandoverContext,
  tables: { assets: readonly TypedRecord[]; repairs: readonly TypedRecord[]; tasks: readonly ExistingTask[] },
): { ok: true; changes: Changes } | { ok: false; message: string } {
  const m = messages(ctx.lang).documents.handoverResult;
  const found = checks.map((c) => ({ c, a: tables.assets.find((a) => sameId(a.v.assetId, c.assetId)) }));
  const unknown = found.find((f) => !f.a);
  if (unknown) return { ok: false, message: fill(m.unknownAsset, { id: unknown.c.assetId }) };

  const repairIds = tables.repairs.map((r) => str(r.v.repairId));
  const openRepair = new Set(
    tables.repairs.filter((r) => OPEN_REPAIR.has(str(r.v.status))).map((r) => str(r.v.assetId).toLowerCase()),
  );
  const openItems = new Set(
    tables.tasks.filter((t) => t.status === 'todo').map((t) => `${t.source}|${t.ref}`),
  );
  const repairs: Record<string, CellValue>[] = [];
  const assetPatches: { row: number; patch: Record<string, CellValue> }[] = [];
  const items: Record<string, CellValue>[] = [];
  const taskIds = tables.tasks.map((t) => t.taskId);
  const custodians = new Set<string>();
  const month = ctx.today.slice(0, 7);
  let damaged = 0;
  let missing = 0;
  for (const { c, a } of found) {
    const v = a!.v;
    const custodian = str(v.custodian).trim();
    if (custodian) custodians.add(custodian);
    const id = str(v.assetId);
    const what = { id, name: str(v.name), location: str(v.location), custodian, note: c.note };
    if (c.state === 'damaged') {
      damaged += 1;
      if (openRepair.has(id.toLowerCase())) continue;
      const repairId = nextId(`BX-${ctx.today.replace(/-/g, '')}-`, repairIds);
      repairIds.push(repairId);
      repairs.push({
        repairId,
        reportedAt: ctx.now,
        reporter: ctx.user,
        location: what.location,
        assetId: id,
        description: fill(c.note ? m.repairWithNote : m.repair, what),
        contractor: false,
        deadline: repairDeadline(ctx.now, false, ctx.settings),
        status: enumLabel(ctx.lang, 'repairStatus', 'reported'),
      });
      if (v.status === 'in_use')
        assetPatches.push({
          row: a!.row,
          patch: { status: enumLabel(ctx.lang, 'assetStatus', 'under_repair') },
        });
    } else if (c.state === 'missing') {
      missing += 1;
      const ref = `missing:${id}`;
      if (openItems.has(`term|${ref}`)) continue;
      openItems.add(`term|${ref}`);
      const taskId = nextId(`T${month.replace('-', '')}-`, taskIds, 4);
      taskIds.push(taskId);
      items.push({
        taskId,
        month,
        dueDate: instantOf(ctx.today, ctx.timeZone),
        title: fill(c.note ? m.missingWithNote : m.missing, what),
        source: enumLabel(ctx.lang, 'taskSource', 'term'),
        ref,
        assignee: ctx.head,
        status: enumLabel(ctx.lang, 'taskStatus', 'todo'),
        key: taskKey('term', ref, ctx.today),
      });
    }
  }
  // The term registration / hand-back task of each custodian checked, due by a fortnight from now.
  const soon = addDays(ctx.today, 14);
  const done = tables.tasks.filter(
    (t) =>
      t.source === 'term' &&
      t.status === 'todo' &&
      t.dueDate !== null &&
      t.dueDate <= soon &&
      [...custodians].some((who) => t.ref === `start:${who}` || t.ref === `end:${who}`),
  );
  const taskDone = {
    status: enumLabel(ctx.lang, 'taskStatus', 'done'),
    doneDate: instantOf(ctx.today, ctx.timeZone),
  };
  return {
    ok: true,
    changes: {
      append: [
        { sheet: 'repairs', records: repairs },
        { sheet: 'tasks', records: items },
      ],
      update: [
        { sheet: 'assets', changes: assetPatches },
        { sheet: 'tasks', changes: done.map((t) => ({ row: t.row, patch: taskDone })) },
      ],
      message: fill(m.done, {
        checked: checks.length,
        present: checks.length - damaged - missing,
        damaged,
        repairs: repairs.length,
        missing,
        items: items.length,
        tasks: done.length,
      }),
    },
  };
}
