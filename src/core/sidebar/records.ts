import { repairDeadline } from '../domain/repairs';
import { applyMovement } from '../domain/stock';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { day, num, str, type TypedRecord } from '../table/record';
import type { Settings } from '../settings/schema';
import type { EnumKey, SheetKey } from '../sheets';
import { columnHeader, enumLabel, enumValueOf } from '../table/labels';
import type { CellValue } from '../table/mapping';
import { instantOf, localParts, type Day } from '../time';
import type { FormValue } from '../validate/schema';
import type { FieldErrors, FormValues, Sample } from './check';
import { STOCK_MOVES } from './forms';

/** Who, when and where an action happens. */
export interface ActionContext {
  readonly now: Date;
  readonly today: Day;
  readonly timeZone: string;
  readonly settings: Settings;
  readonly lang: Lang;
  /** The active user's name as the office writes it (Roster name, else e-mail). */
  readonly user: string;
}

/** What an action changes: rows appended and cells patched, per sheet; the shell writes them. */
export interface Changes {
  readonly append: { sheet: SheetKey; records: Record<string, CellValue>[] }[];
  readonly update: { sheet: SheetKey; changes: { row: number; patch: Record<string, CellValue> }[] }[];
  readonly message: string;
}

export type Outcome = ({ ok: true } & Changes) | { ok: false; errors: FieldErrors };

const fail = (field: string, message: string): Outcome => ({ ok: false, errors: { [field]: message } });

/** Ids compare as a person reads them: full-width folded, spaces and case ignored. */
export function sameId(a: unknown, b: unknown): boolean {
  const key = (v: unknown) =>
    String(v ?? '')
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .toLowerCase();
  return key(a) !== '' && key(a) === key(b);
}

/** The next id after the highest `prefix` + number in use, zero-padded to `width` digits. */
export function nextId(prefix: string, existing: readonly string[], width = 3): string {
  let max = 0;
  for (const id of existing)
    if (id.startsWith(prefix)) {
      const n = Number(id.slice(prefix.length));
      if (Number.isInteger(n)) max = Math.max(max, n);
    }
  return prefix + String(max + 1).padStart(width, '0');
}

/**
 * A receipt number to suggest: the last receipt with its trailing number incremented (same
 * width), so a pad of pre-printed receipts carries on; SJ-yyyy-0001 when there is none.
 */
export function suggestReceiptNo(existing: readonly string[], today: Day): string {
  const used = new Set(existing.map((r) => r.trim()));
  for (let i = existing.length - 1; i >= 0; i--) {
    const m = /^(.*?)(\d+)$/.exec(existing[i]!.trim());
    if (!m) continue;
    let n = Number(m[2]);
    let next: string;
    do next = m[1]! + String(++n).padStart(m[2]!.length, '0');
    while (used.has(next));
    return next;
  }
  return `SJ-${today.slice(0, 4)}-0001`;
}

/** 'yyyy-MM-ddTHH:mm' in the school's zone: a moment as JSON can carry it without the zone moving it. */
export function localIso(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.day}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** 'yyyy-MM-dd HH:mm' in the school's zone, as the office reads a deadline. */
export function wallTime(instant: Date, timeZone: string): string {
  return localIso(instant, timeZone).replace('T', ' ');
}

/** An enum key the schema read, as the office reads it; a value outside the list stays as it is. */
const label = <E extends EnumKey>(ctx: ActionContext, list: E, value: FormValue | undefined): string => {
  const known = enumValueOf(list, value);
  return known ? enumLabel(ctx.lang, list, known) : String(value ?? '');
};

/** A date field's Day as the instant Sheets stores (midnight in the school's zone). */
const dateCell = (ctx: ActionContext, value: unknown): CellValue =>
  typeof value === 'string' && value ? instantOf(value, ctx.timeZone) : '';

/** A form value as a cell: null is empty. */
const cell = (value: FormValue | undefined): CellValue => value ?? '';

/** Only the fields given: completing a repair never blanks what the sheet already holds. */
function given(values: FormValues, keys: readonly string[]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const k of keys) {
    const value = values[k];
    if (value !== null && value !== undefined) out[k] = value;
  }
  return out;
}

export function reportRepair(
  v: FormValues,
  ctx: ActionContext,
  repairs: readonly TypedRecord[],
  assets: readonly TypedRecord[],
): Outcome {
  if (v.assetId && !assets.some((a) => sameId(a.v.assetId, v.assetId)))
    return fail('assetId', fill(messages(ctx.lang).sidebar.errors.unknownAsset, { id: str(v.assetId) }));
  const id = nextId(
    `BX-${ctx.today.replace(/-/g, '')}-`,
    repairs.map((r) => str(r.v.repairId)),
  );
  const deadline = repairDeadline(ctx.now, v.contractor === true, ctx.settings);
  return {
    ok: true,
    append: [
      {
        sheet: 'repairs',
        records: [
          {
            repairId: id,
            reportedAt: ctx.now,
            reporter: ctx.user,
            location: cell(v.location),
            assetId: cell(v.assetId),
            description: cell(v.description),
            contractor: v.contractor === true,
            deadline,
            status: label(ctx, 'repairStatus', 'reported'),
          },
        ],
      },
    ],
    update: [],
    message: fill(messages(ctx.lang).sidebar.done.reportRepair, {
      id,
      deadline: wallTime(deadline, ctx.timeZone),
    }),
  };
}

export function completeRepair(v: FormValues, ctx: ActionContext, repairs: readonly TypedRecord[]): Outcome {
  const m = messages(ctx.lang).sidebar;
  const open = repairs.find(
    (r) => sameId(r.v.repairId, v.repairId) && r.v.status !== 'done' && r.v.status !== 'cancelled',
  );
  if (!open) return fail('repairId', fill(m.errors.unknownRepair, { id: str(v.repairId) }));
  if (v.cause === 'person' && !v.responsible && v.waived !== true)
    return fail('responsible', m.errors.needsPerson);
  const patch: Record<string, CellValue> = {
    ...given(v, ['cost', 'responsible', 'compensation', 'waived', 'note']),
    status: label(ctx, 'repairStatus', 'done'),
    completedAt: ctx.now,
    cause: label(ctx, 'damageCause', v.cause),
  };
  return {
    ok: true,
    append: [],
    update: [{ sheet: 'repairs', changes: [{ row: open.row, patch }] }],
    message: fill(m.done.completeRepair, { id: str(open.v.repairId) }),
  };
}

/** Rolls a schedule once it was done today: the next due day from its frequency. */
export type RollSchedule = (schedule: TypedRecord, doneOn: Day) => Day | null;

/** An inspection's record; its check (`checkInspection`) already required a hazard's deadline and person. */
export function recordInspection(
  v: FormValues,
  ctx: ActionContext,
  schedules: readonly TypedRecord[],
  roll: RollSchedule,
): Outcome {
  const m = messages(ctx.lang).sidebar;
  const schedule = v.scheduleId ? schedules.find((s) => sameId(s.v.scheduleId, v.scheduleId)) : undefined;
  if (v.scheduleId && !schedule)
    return fail('scheduleId', fill(m.errors.unknownSchedule, { id: str(v.scheduleId) }));
  const location = str(v.location) || str(schedule?.v.location);
  if (!location)
    return fail(
      'location',
      fill(messages(ctx.lang).validation.required, {
        column: columnHeader(ctx.lang, 'inspectionResults', 'location'),
      }),
    );
  const next = schedule ? roll(schedule, ctx.today) : null;
  return {
    ok: true,
    append: [
      {
        sheet: 'inspectionResults',
        records: [
          {
            date: instantOf(ctx.today, ctx.timeZone),
            scheduleId: schedule ? str(schedule.v.scheduleId) : '',
            location,
            inspector: ctx.user,
            result: label(ctx, 'inspectionResult', v.result),
            finding: cell(v.finding),
            fixDeadline: dateCell(ctx, v.fixDeadline),
            responsible: cell(v.responsible),
          },
        ],
      },
    ],
    update: schedule
      ? [
          {
            sheet: 'inspectionSchedules',
            changes: [
              {
                row: schedule.row,
                patch: {
                  lastDone: instantOf(ctx.today, ctx.timeZone),
                  nextDue: next ? instantOf(next, ctx.timeZone) : '',
                },
              },
            ],
          },
        ]
      : [],
    message: next ? fill(m.done.recordInspection, { next }) : m.done.recordInspectionNoSchedule,
  };
}

export function stockMove(
  v: FormValues,
  ctx: ActionContext,
  items: readonly TypedRecord[],
  movements: readonly TypedRecord[],
  balance: (itemId: string) => number,
): Outcome {
  const m = messages(ctx.lang).sidebar;
  const item = items.find((i) => sameId(i.v.itemId, v.itemId));
  if (!item) return fail('itemId', fill(m.errors.unknownItem, { id: str(v.itemId) }));
  const type = STOCK_MOVES.find((t) => t === v.type);
  if (!type) return fail('type', m.errors.badRequest);
  const quantity = num(v.quantity) ?? 0;
  if (type === 'borrow' && item.v.returnable === false) return fail('itemId', m.errors.notReturnable);
  if (type === 'borrow' && !v.dueDate) return fail('dueDate', m.errors.needsDueDate);
  const itemId = str(item.v.itemId);
  const before = num(item.v.stock) ?? balance(itemId);
  const after = applyMovement(before, { type, quantity });
  if (after < 0) return fail('quantity', fill(m.errors.notEnoughStock, { stock: before }));
  const unitPrice = num(v.unitPrice);
  // A return closes the oldest open loan of the same item to the same party.
  const loan =
    type === 'return'
      ? movements.find(
          (r) =>
            r.v.type === 'borrow' &&
            !day(r.v.returnedDate) &&
            sameId(r.v.itemId, itemId) &&
            (!v.party || sameId(r.v.party, v.party)),
        )
      : undefined;
  return {
    ok: true,
    append: [
      {
        sheet: 'stockMovements',
        records: [
          {
            date: instantOf(ctx.today, ctx.timeZone),
            itemId,
            type: label(ctx, 'stockMovementType', type),
            quantity,
            unitPrice: cell(unitPrice),
            amount: unitPrice === null ? '' : Math.round(unitPrice * quantity * 100) / 100,
            party: cell(v.party),
            handler: ctx.user,
            dueDate: dateCell(ctx, v.dueDate),
            note: cell(v.note),
          },
        ],
      },
    ],
    update: [
      { sheet: 'stockItems', changes: [{ row: item.row, patch: { stock: after } }] },
      ...(loan
        ? [
            {
              sheet: 'stockMovements' as const,
              changes: [{ row: loan.row, patch: { returnedDate: instantOf(ctx.today, ctx.timeZone) } }],
            },
          ]
        : []),
    ],
    message: fill(m.done.stockMove, {
      item: str(item.v.name) || itemId,
      type: label(ctx, 'stockMovementType', type),
      quantity,
      stock: after,
    }),
  };
}

/** The approved standard × quantity, in yuan to the fen: the only amount a payment may have. */
export function feeAmount(standard: number, quantity: number): number {
  return Math.round(standard * quantity * 100) / 100;
}

export function takeFee(
  v: FormValues,
  deposited: boolean,
  ctx: ActionContext,
  feeItems: readonly TypedRecord[],
  payments: readonly TypedRecord[],
): Outcome {
  const m = messages(ctx.lang).sidebar;
  const item = feeItems.find((f) => sameId(f.v.code, v.itemCode));
  const standard = item ? num(item.v.standard) : null;
  if (!item || standard === null)
    return fail('itemCode', fill(m.errors.unknownFeeItem, { id: str(v.itemCode) }));
  // The agency statement is per class: a receipt without one would be settled on none (Check all
  // sheets warns of such rows already in the sheet; a new one is not taken).
  if (item.v.kind === 'agency' && str(v.className).trim() === '')
    return fail('className', fill(messages(ctx.lang).validation.agencyNoClass, { item: str(item.v.name) }));
  const receipts = payments.map((p) => str(p.v.receiptNo)).filter(Boolean);
  const receipt = str(v.receiptNo) || suggestReceiptNo(receipts, ctx.today);
  if (receipts.some((r) => sameId(r, receipt)))
    return fail('receiptNo', fill(m.errors.duplicateReceipt, { receipt }));
  const quantity = num(v.quantity) ?? 1;
  const amount = feeAmount(standard, quantity);
  const today = instantOf(ctx.today, ctx.timeZone);
  return {
    ok: true,
    append: [
      {
        sheet: 'feePayments',
        records: [
          {
            receiptNo: receipt,
            date: today,
            itemCode: str(item.v.code),
            payer: cell(v.payer),
            className: cell(v.className),
            quantity,
            amount,
            collector: ctx.user,
            depositDate: deposited ? today : '',
            note: cell(v.note),
          },
        ],
      },
    ],
    update: [],
    message: fill(m.done.takeFee, { receipt, amount: amount.toFixed(2) }),
  };
}

export function canteenDaily(
  meal: string,
  samples: readonly Sample[],
  disinfection: FormValues,
  ctx: ActionContext,
): Outcome {
  const m = messages(ctx.lang).sidebar;
  if (!samples.length) return fail('dishes', m.errors.noDishes);
  const light = samples.findIndex((s) => s.weight < ctx.settings.sampleGrams);
  if (light >= 0)
    return fail(`dishes.${light}.weight`, fill(m.errors.sampleTooLight, { grams: ctx.settings.sampleGrams }));
  const date = instantOf(ctx.today, ctx.timeZone);
  const at = (wall: string) =>
    instantOf(wall.slice(0, 10), ctx.timeZone, Number(wall.slice(11, 13)), Number(wall.slice(14, 16)));
  return {
    ok: true,
    append: [
      {
        sheet: 'canteenSamples',
        records: samples.map((s) => ({
          date,
          meal: label(ctx, 'meal', meal),
          dish: s.dish,
          weight: s.weight,
          sampledAt: at(s.sampledAt),
          sampler: ctx.user,
        })),
      },
      {
        sheet: 'canteenDisinfection',
        records: [
          {
            date,
            meal: label(ctx, 'meal', meal),
            target: cell(disinfection.target),
            method: label(ctx, 'disinfectionMethod', disinfection.method),
            done: disinfection.done === true,
            operator: ctx.user,
          },
        ],
      },
    ],
    update: [],
    message: fill(m.done.canteenDaily, { dishes: samples.length }),
  };
}

/** A drill, training or open day held: one row of 演练培训记录, which the monthly safety report counts by kind. */
export function recordDrill(v: FormValues, ctx: ActionContext): Outcome {
  const kind = label(ctx, 'drillKind', v.kind);
  return {
    ok: true,
    append: [
      {
        sheet: 'drills',
        records: [
          {
            date: dateCell(ctx, v.date),
            kind,
            topic: cell(v.topic),
            organiser: cell(v.organiser),
            participants: cell(v.participants),
            note: cell(v.note),
          },
        ],
      },
    ],
    update: [],
    message: fill(messages(ctx.lang).sidebar.done.recordDrill, { kind, topic: str(v.topic) }),
  };
}
