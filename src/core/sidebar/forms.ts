import { messages } from '../i18n';
import type { Lang } from '../lang';
import { columnDecl, ENUMS, type ColumnType, type EnumKey, type EnumValue, type SheetKey } from '../sheets';
import { columnHeader, enumLabel } from '../table/labels';

/** The quick actions that write to the workbook (my tasks goes through the tasks API). */
export const ACTIONS = [
  'reportRepair',
  'completeRepair',
  'recordInspection',
  'stockMove',
  'takeFee',
  'canteenDaily',
  'recordDrill',
] as const;
export type ActionKey = (typeof ACTIONS)[number];

/** Drop-down lists filled from the workbook. */
export type ListKey = 'assets' | 'locations' | 'people' | 'items' | 'feeItems' | 'schedules' | 'openRepairs';

/** A drop-down choice: the value sent to the server and what the user reads. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** A form field as the page renders it: every label and choice already in the Settings language. */
export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly type: ColumnType;
  readonly required: boolean;
  /** Choices of an enum column. */
  readonly choices?: readonly Choice[];
  /** Choices from the workbook; `strict` lists (ids) only allow what is listed. */
  readonly list?: ListKey;
  readonly strict?: boolean;
  readonly multiline?: boolean;
}

/** The forms the page renders: one per quick action, the canteen's disinfection part, a task's completion. */
export type FormKey = ActionKey | 'disinfection' | 'completeTask';

export interface FormSpec {
  readonly action: FormKey;
  readonly title: string;
  readonly sheet: SheetKey;
  readonly fields: readonly FieldSpec[];
}

export interface FieldDef {
  readonly column: string;
  readonly list?: ListKey;
  /** A subset of the enum offered here (stock movements the sidebar records). */
  readonly only?: readonly string[];
  /** Required by this form although the column is optional in the sheet. */
  readonly required?: boolean;
  /** The largest number this form takes (the sheet allows more; a form entry this big is a slip). */
  readonly max?: number;
}

/**
 * The years a form's dates may fall in, counted from this year: last year (a late entry) to two
 * years ahead (a long loan); never year 1 or 9999.
 */
export const DATE_WINDOW = { yearsBefore: 1, yearsAfter: 2 } as const;

/** Dishes one canteen record takes: a school meal has a handful, never thousands. */
export const MAX_DISHES = 30;

/**
 * What an inspection found: the inspection form's second half, and all that completing an
 * inspection task asks (the result is required by its column).
 */
export const INSPECTION_OUTCOME: readonly FieldDef[] = [
  { column: 'result' },
  { column: 'finding' },
  { column: 'fixDeadline' },
  { column: 'responsible', list: 'people' },
];

/** The stock movements a person records in the sidebar; a stocktake or a write-off is done in the sheet. */
export const STOCK_MOVES = [
  'purchase_in',
  'issue',
  'borrow',
  'return',
] as const satisfies readonly EnumValue<'stockMovementType'>[];

const idList = (list: ListKey, required = true): Partial<FieldDef> => ({ list, required });

/** A form: the sheet whose columns its fields are, and the fields in order. */
export interface FormDef {
  readonly sheet: SheetKey;
  readonly fields: readonly FieldDef[];
}

/**
 * Which columns each form asks for, in order. Everything else of the row (ids, the reporter, the
 * day, the deadline, the amount) is filled by the server.
 */
export const FORM_FIELDS: Record<ActionKey, FormDef> = {
  reportRepair: {
    sheet: 'repairs',
    fields: [
      { column: 'location', list: 'locations' },
      { column: 'assetId', list: 'assets' },
      { column: 'description' },
      { column: 'contractor' },
    ],
  },
  completeRepair: {
    sheet: 'repairs',
    fields: [
      { column: 'repairId', ...idList('openRepairs') },
      { column: 'cost', max: 1_000_000 },
      { column: 'cause', required: true },
      { column: 'responsible', list: 'people' },
      { column: 'compensation', max: 1_000_000 },
      { column: 'waived' },
      { column: 'note' },
    ],
  },
  recordInspection: {
    sheet: 'inspectionResults',
    fields: [
      { column: 'scheduleId', ...idList('schedules', false) },
      { column: 'location', list: 'locations' },
      ...INSPECTION_OUTCOME,
    ],
  },
  stockMove: {
    sheet: 'stockMovements',
    fields: [
      { column: 'type', only: STOCK_MOVES },
      { column: 'itemId', ...idList('items') },
      { column: 'quantity', max: 10_000 },
      { column: 'unitPrice', max: 1_000_000 },
      { column: 'party', list: 'people' },
      { column: 'dueDate' },
      { column: 'note' },
    ],
  },
  takeFee: {
    sheet: 'feePayments',
    fields: [
      { column: 'itemCode', ...idList('feeItems') },
      { column: 'payer' },
      { column: 'className', list: 'locations' },
      { column: 'quantity', required: true, max: 100 },
      { column: 'receiptNo' },
      { column: 'note' },
    ],
  },
  canteenDaily: {
    sheet: 'canteenSamples',
    fields: [{ column: 'meal' }, { column: 'dish' }, { column: 'weight', max: 5_000 }],
  },
  // The day comes from the form (a drill is often written up afterwards), today unless changed.
  recordDrill: {
    sheet: 'drills',
    fields: [
      { column: 'date' },
      { column: 'kind' },
      { column: 'topic' },
      { column: 'organiser', list: 'people' },
      { column: 'participants', max: 10_000 },
      { column: 'note' },
    ],
  },
};

/** The disinfection part of the canteen form, a second sheet. */
export const DISINFECTION_FORM: FormDef = {
  sheet: 'canteenDisinfection',
  fields: [{ column: 'target' }, { column: 'method' }, { column: 'done' }],
};

/** Completing an inspection task from the sidebar: what the inspection found. */
export const TASK_FORM: FormDef = { sheet: 'inspectionResults', fields: INSPECTION_OUTCOME };

/** The choices of an enum column, or of the part of it a form offers, labelled in `lang`. */
export function choicesOf(lang: Lang, list: EnumKey, only?: readonly string[]): Choice[] {
  return (only ?? ENUMS[list]).map((value) => ({
    value,
    label: enumLabel(lang, list, value as EnumValue<typeof list>),
  }));
}

function fieldSpec(lang: Lang, sheet: SheetKey, def: FieldDef): FieldSpec {
  const decl = columnDecl(sheet, def.column);
  if (!decl) throw new Error(`${sheet} has no column ${def.column}`);
  const list = decl.enum;
  const spec: FieldSpec = {
    key: def.column,
    label: columnHeader(lang, sheet, def.column),
    type: decl.type,
    required: Boolean(def.required ?? decl.required),
    ...(list && { choices: choicesOf(lang, list, def.only) }),
    ...(def.list && { list: def.list, strict: decl.type === 'id' }),
    ...(decl.type === 'text' && (decl.maxLength ?? 0) > 100 && { multiline: true }),
  };
  return spec;
}

/** Every form of the sidebar, labelled in `lang`. */
export function formSpecs(lang: Lang): Record<FormKey, FormSpec> {
  const sidebar = messages(lang).sidebar;
  const spec = (action: FormKey, title: string, { sheet, fields }: FormDef): FormSpec => ({
    action,
    title,
    sheet,
    fields: fields.map((f) => fieldSpec(lang, sheet, f)),
  });
  const out = {} as Record<FormKey, FormSpec>;
  for (const action of ACTIONS) out[action] = spec(action, sidebar.actions[action], FORM_FIELDS[action]);
  out.disinfection = spec('disinfection', sidebar.fields.disinfection, DISINFECTION_FORM);
  out.completeTask = spec('completeTask', sidebar.tasks.title, TASK_FORM);
  return out;
}
