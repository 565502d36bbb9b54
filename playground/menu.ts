/** The add-on's menu as the playground reaches it: by the keys of MENU_ITEMS, never by caption. */
import { MENU_ITEMS } from '../src/server/menu';
import type { Bundle } from '../emulator/bundle';

type MenuKey = NonNullable<(typeof MENU_ITEMS)[number]>[0];

/** The global function a menu item runs, if this build has that item. */
export function menuFunction(key: MenuKey): string | undefined {
  return MENU_ITEMS.find((item) => item?.[0] === key)?.[1];
}

/** Clicks a menu item as a user would (FULL auth). */
export function runMenuKey(bundle: Bundle, key: MenuKey): void {
  const name = menuFunction(key);
  if (!name) throw new Error(`this build has no menu item "${key}"`);
  bundle.call(name);
}
