import type { SheetKey } from '../sheets';

/** Items by their sheet, each sheet's in the order they came. */
export function groupBySheet<T extends { readonly sheet: SheetKey }>(
  items: readonly T[],
): Map<SheetKey, T[]> {
  const out = new Map<SheetKey, T[]>();
  for (const item of items) {
    const list = out.get(item.sheet);
    if (list) list.push(item);
    else out.set(item.sheet, [item]);
  }
  return out;
}
