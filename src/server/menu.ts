import { messages } from '../core/i18n';
import type { Lang } from '../core/lang';

/** A menu entry: the caption's key in `messages(lang).menu` and the global function it runs. */
export const MENU_ITEMS: readonly (readonly [keyof ReturnType<typeof messages>['menu'], string] | null)[] = [
  ['openSidebar', 'menuOpenSidebar'],
  ['setup', 'menuSetUpWorkbook'],
  ['checkAll', 'menuCheckAllSheets'],
  ['generateMonth', 'menuGenerateMonth'],
  ['generateOtherMonth', 'menuGenerateOtherMonth'],
  null,
  ['sendAlerts', 'menuSendAlertsNow'],
  ['sendDigest', 'menuSendDigestNow'],
  ['previewDigest', 'menuPreviewDigest'],
  ['toggleAutomation', 'menuToggleAutomation'],
];

/** Builds the add-on menu. Needs no document access, so it works in AuthMode.NONE. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, lang: Lang): void {
  const captions = messages(lang).menu;
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(captions[item[0]], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
