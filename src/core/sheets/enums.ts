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
  ],
  meal: ['breakfast', 'lunch', 'dinner'],
  disinfectionMethod: ['heat', 'steam', 'chemical', 'uv', 'other'],
  schoolYearEntry: ['term', 'holiday', 'makeup_workday'],
  taskSource: ['calendar', 'inspection', 'repair', 'term', 'expiry'],
  taskStatus: ['todo', 'done', 'skipped', 'source_removed'],
  severity: ['error', 'warning'],
  alertStatus: ['sent', 'pending', 'failed'],
  language: ['zh-CN', 'en'],
  stocktakeKind: ['stores', 'asset'],
  stocktakeStatus: ['counting', 'adjusted'],
} as const;

export type EnumKey = keyof typeof ENUMS;
export type EnumValue<E extends EnumKey> = (typeof ENUMS)[E][number];
