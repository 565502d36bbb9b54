/**
 * The closed lists the office picks from. Keys are stable identifiers used in code; the labels a
 * user sees (and types) live in the language files under `enums`.
 */
export const ENUMS = {
  assetCategory: [
    'teaching',
    'av_it',
    'furniture',
    'sports',
    'lab',
    'music_art',
    'books',
    'canteen',
    'dormitory',
    'other',
  ],
  assetStatus: ['in_use', 'under_repair', 'lent', 'scrapped'],
  repairStatus: ['reported', 'in_progress', 'done', 'cancelled'],
  damageCause: ['wear', 'person', 'unknown'],
  inspectionResult: ['pass', 'hazard'],
  stockMovementType: ['purchase_in', 'issue', 'borrow', 'return', 'scrap', 'adjust'],
  feeKind: ['approved', 'agency', 'service'],
  role: [
    'head',
    'accountant',
    'cashier',
    'storekeeper',
    'electrician',
    'canteen_manager',
    'canteen_staff',
    'guard',
    'cleaner',
    'teacher',
    'other',
    'head_teacher',
    'deputy_head',
    'dorm_keeper',
  ],
  meal: ['breakfast', 'lunch', 'dinner'],
  disinfectionMethod: ['heat', 'steam', 'chemical', 'uv', 'other'],
  schoolYearEntry: ['term', 'holiday', 'makeup_workday'],
  taskSource: ['calendar', 'inspection', 'repair', 'term', 'expiry'],
  taskStatus: ['todo', 'done', 'skipped', 'source_removed'],
  severity: ['error', 'warning'],
  alertStatus: ['sent', 'pending', 'failed'],
  language: ['zh-CN', 'en'],
  drillKind: ['drill', 'training', 'openDay', 'other'],
  dutyKind: ['week', 'holiday', 'gate'],
  stocktakeKind: ['stores', 'asset'],
  stocktakeStatus: ['counting', 'adjusted'],
} as const;

/**
 * Labels earlier versions wrote, still read as the value (cells the office's workbook already
 * holds); the catalogues give the labels shown now.
 */
export const ENUM_ALIASES: {
  readonly [E in keyof typeof ENUMS]?: Readonly<Record<string, readonly string[]>>;
} = {
  taskSource: { inspection: ['巡检'] },
};

export type EnumKey = keyof typeof ENUMS;
export type EnumValue<E extends EnumKey> = (typeof ENUMS)[E][number];
