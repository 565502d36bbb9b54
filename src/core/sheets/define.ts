import type { ColumnDecl, SheetDecl } from './types';

/** Keeps each declaration's literal keys, so the language files can be checked against them. */
export function defineSheet<const S extends string, const C extends string>(decl: {
  key: S;
  columns: readonly ColumnDecl<C>[];
  generated?: boolean;
}): SheetDecl<S, C> {
  return decl;
}
