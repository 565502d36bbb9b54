import type { ColumnKey, EnumKey, EnumValue, SheetKey } from '../sheets';
import type { SettingKey } from '../settings/schema';

export type SheetLabels = { [S in SheetKey]: { name: string; columns: Record<ColumnKey<S>, string> } };
export type EnumLabels = { [E in EnumKey]: Record<EnumValue<E>, string> };
export type SettingLabels = Record<SettingKey, { label: string; help: string }>;

/** Turns literal string leaves into `string`, so the second language is checked for shape only. */
export type Widen<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? readonly Widen<U>[]
    : { [K in keyof T]: Widen<T[K]> };
