import { messages } from '../i18n';
import type { Lang } from '../lang';
import { columnDecl, ENUMS, type ColumnType, type EnumValue, type SheetKey } from '../sheets';
import { columnHeader, enumLabel } from '../table/labels';

/** The quick actions that write to the workbook (my tasks goes through the tasks API). */
export const ACTIONS = [
  'reportRepair',
  'completeRepair',
  'recordInspection',
  'stockMove',
  'takeFee',
  'canteenDaily',
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

export interface FormSpec {
  readonly action: ActionKey;
  readonly title: string;
  readonly sheet: SheetKey;
  readonly fields: readonly FieldSpec[];
}

interface FieldDef {
  readonly column: string;
  readonly list?: ListKey;
  /** A subset of the enum offered here (stock movements the sidebar records). */
  readonly only?: readonly string[];
  /** Required by this form although the column is optional in the sheet. */
  readonly required?: boolean;
}

const idList = (list: ListKey, required = true): Partial<FieldDef> => ({ list, required });

/**
 * Which columns each form asks for, in order. Everything else of the row (ids, the reporter, the
 * day, the deadline, the amount) is filled by the server.
 */
export const FORM_FIELDS: Record<ActionKey, { sheet: SheetKey; fields: readonly FieldDef[] }> = {
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
      { column: 'cost' },
      { column: 'cause', required: true },
      { column: 'responsible', list: 'people' },
      { column: 'compensation' },
      { column: 'waived' },
      { column: 'note' },
    ],
  },
  recordInspection: {
    sheet: 'inspectionResults',
    fields: [
      { column: 'scheduleId', ...idList('schedules', false) },
      { column: 'location', list: 'locations' },
      { column: 'result' },
      { column: 'finding' },
      { column: 'fixDeadline' },
      { column: 'responsible', list: 'people' },
    ],
  },
  stockMove: {
    sheet: 'stockMovements',
    fields: [
      { column: 'type', only: ['purchase_in', 'issue', 'borrow', 'return'] },
      { column: 'itemId', ...idList('items') },
      { column: 'quantity' },
      { column: 'unitPrice' },
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
      { column: 'quantity', required: true },
      { column: 'receiptNo' },
      { column: 'note' },
    ],
  },
  canteenDaily: {
    sheet: 'canteenSamples',
    fields: [{ column: 'meal' }, { column: 'dish' }, { column: 'weight' }],
  },
};

/** The disinfection part of the canteen form, a second sheet. */
export const DISINFECTION_FIELDS: readonly FieldDef[] = [
  { column: 'target' },
  { column: 'method' },
  { column: 'done' },
];

/** The columns a form's fields validate, for `formSchema(sheet, columns, lang)`. */
export function formColumns(fields: readonly FieldDef[]): string[] {
  return fields.map((f) => f.column);
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
    ...(list && {
      choices: (def.only ?? ENUMS[list]).map((value) => ({
        value,
        label: enumLabel(lang, list, value as EnumValue<typeof list>),
      })),
    }),
    ...(def.list && { list: def.list, strict: decl.type === 'id' }),
    ...(decl.type === 'text' && (decl.maxLength ?? 0) > 100 && { multiline: true }),
  };
  return spec;
}

/** Every form of the sidebar, labelled in `lang`. */
export function formSpecs(lang: Lang): Record<ActionKey, FormSpec> & { disinfection: FormSpec } {
  const titles = messages(lang).sidebar.actions;
  const out = {} as Record<ActionKey, FormSpec>;
  for (const action of ACTIONS) {
    const { sheet, fields } = FORM_FIELDS[action];
    out[action] = {
      action,
      title: titles[action],
      sheet,
      fields: fields.map((f) => fieldSpec(lang, sheet, f)),
    };
  }
  return {
    ...out,
    disinfection: {
      action: 'canteenDaily',
      title: messages(lang).sidebar.fields.disinfection,
      sheet: 'canteenDisinfection',
      fields: DISINFECTION_FIELDS.map((f) => fieldSpec(lang, 'canteenDisinfection', f)),
    },
  };
}
