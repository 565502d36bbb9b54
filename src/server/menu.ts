import { messages } from '../core/i18n';
import { DEFAULT_LANG, type Lang } from '../core/lang';
import { cacheLanguage, cachedLanguage } from './adapters/properties';
import { Workbook } from './adapters/workbook';
import type { MenuAction } from './runners';
import { describeSetup, setUpWorkbook } from './setup';
import { openSidebar } from './sidebar';
import { checkAllSheets, showCheckReport } from './validate';

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
  null,
  ['importRecords', 'menuImportRecords'],
  null,
  ['qrLabels', 'menuPrintRoomLabels'],
  ['assetQrLabels', 'menuPrintAssetLabels'],
  null,
  ['previewSafetyReport', 'menuPreviewSafetyReport'],
  ['sendSafetyReport', 'menuSendSafetyReport'],
  ['printHandover', 'menuPrintHandover'],
  ['recordHandover', 'menuRecordHandover'],
  ['startStocktake', 'menuStartStocktake'],
  ['printStocktake', 'menuPrintStocktake'],
  ['approveStocktake', 'menuApproveStocktake'],
  ['printFeeNotice', 'menuPrintFeeNotice'],
  ['printFeeAccounts', 'menuPrintFeeAccounts'],
  ['printAgencyStatement', 'menuPrintAgencyStatement'],
  ['printDamage', 'menuPrintDamage'],
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

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode } | undefined;

/**
 * The Settings sheet's language, read at each open (one read of that sheet), so a language
 * switched in Settings shows at the next open without running setup again; cached for AuthMode
 * NONE-free paths that cannot read the sheet. Without a Settings sheet, the cached language.
 */
function openingLanguage(): Lang {
  try {
    const workbook = Workbook.active();
    if (!workbook.sheet('settings')) return cachedLanguage();
    const lang = workbook.settings().settings.language;
    cacheLanguage(lang);
    return lang;
  } catch {
    return cachedLanguage();
  }
}

/** onOpen / onInstall: the menu, in the Settings language. */
export function openMenu(e?: OpenEvent): void {
  // In AuthMode.NONE (add-on not yet used in this document) sheets and properties are out of reach.
  const lang = e && e.authMode === ScriptApp.AuthMode.NONE ? DEFAULT_LANG : openingLanguage();
  buildMenu(SpreadsheetApp.getUi(), lang);
}

/** 初始化工作簿: adds what is missing, then says what it did. */
export const setUp: MenuAction = {
  title: (lang) => messages(lang).setup.title,
  lock: true,
  run: (workbook) => {
    const report = setUpWorkbook(workbook);
    return { lang: report.lang, text: describeSetup(report) };
  },
};

/** 检查全部工作表: the problems in a dialog (also on the Problems sheet); the check takes the lock. */
export const checkAll: MenuAction = {
  title: (lang) => messages(lang).validation.dialogTitle,
  lock: false,
  run: (workbook) => showCheckReport(checkAllSheets(workbook)),
};

/** 打开后勤助手: the sidebar with the dashboard and quick actions. */
export const sidebar: MenuAction = {
  title: (lang) => messages(lang).sidebar.title,
  lock: false,
  run: () => openSidebar(),
};
