/**
 * 导入台账 / Import records: the dialog, its three server calls (what to offer, the preview, the
 * write) and the menu item. Each call reads the source once and the target once; the write holds
 * the document lock and writes once per sheet and kind.
 */
import {
  fieldLabel,
  idField,
  IMPORT_TARGETS,
  importPreview,
  noPlanText,
  planImport,
  readImportRequest,
  targetName,
  type ImportPlan,
  type ImportPreview,
  type ImportRequest,
  type ImportTarget,
  type ReadTable,
} from '../../core/import';
import { fill, messages, type Catalog } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import type { SheetKey } from '../../core/sheets';
import { typedRecords, labelKey } from '../../core/table';
import { userOf } from '../../core/sidebar';
import { sheetsNeededFor } from '../../core/validate';
import { withDocumentLock } from '../adapters/lock';
import type { MenuAction } from '../runners';
import { NO_ARGS, refused, type Call, type Endpoint, type Refusal } from '../sidebar/serve';
import { writeImport } from './write';

/**
 * The largest source one import reads: above the 20,000-row ledgers schools keep, below what one
 * execution can read, check and write within Apps Script's 6 minutes.
 */
export const MAX_SOURCE_ROWS = 50_000;
export const MAX_SOURCE_CELLS = 1_000_000;

const DIALOG = { width: 960, height: 680 };

/** The menu item and the sidebar's entry: the preview dialog in the Settings language. */
export function openImportDialog(lang: Lang): void {
  const page = HtmlService.createHtmlOutputFromFile('Import').setWidth(DIALOG.width).setHeight(DIALOG.height);
  SpreadsheetApp.getUi().showModalDialog(page, messages(lang).importing.title);
}

export const importMenu: MenuAction = {
  title: (lang) => messages(lang).importing.title,
  lock: false,
  run: (workbook) => openImportDialog(workbook.settings().settings.language),
};

export const openImport: Endpoint<[], null, object> = {
  read: NO_ARGS,
  handle: (_, { lang }) => {
    openImportDialog(lang);
    return {};
  },
};

export interface ImportData {
  readonly lang: Lang;
  readonly text: Catalog['importing'];
  /** Sheet names to import from: the office's own sheets first. */
  readonly sources: readonly string[];
  readonly targets: readonly { key: ImportTarget; name: string }[];
}

/** The dialog's one initial call: its text, the sheets to pick from, the targets. */
export const importData: Endpoint<[], null, ImportData> = {
  read: NO_ARGS,
  handle: (_, { workbook, lang }) => {
    const logNames = new Set(LOG_NAMES());
    const others = workbook
      .otherSheets()
      .map((s) => s.getName())
      .filter((n) => !logNames.has(labelKey(n)));
    const own = workbook.presentKeys().map((k) => workbook.sheet(k)!.getName());
    return {
      lang,
      text: messages(lang).importing,
      sources: [...others, ...own],
      targets: IMPORT_TARGETS.map((key) => ({ key, name: targetName(lang, key) })),
    };
  },
};

const LOG_NAMES = () => (['zh-CN', 'en'] as const).map((l) => labelKey(messages(l).importing.log.name));

type Prepared = { plan: ImportPlan; source: string } | Refusal;

/** Reads the source (once, after checking its size), the target and what validation looks up; plans. */
function prepare(request: ImportRequest, call: Call): Prepared {
  const { workbook, lang } = call;
  const m = messages(lang).importing;
  const target = workbook.sheet(request.target);
  if (!target) return refused(fill(m.errors.notSetUp, { sheet: targetName(lang, request.target) }));
  const sheet = workbook.spreadsheet.getSheetByName(request.source);
  if (!sheet) return refused(fill(m.errors.noSource, { name: request.source }));
  if (sheet.getSheetId() === target.getSheetId()) return refused(m.errors.sameSheet);
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  if (rows > MAX_SOURCE_ROWS || rows * columns > MAX_SOURCE_CELLS)
    return refused(
      fill(m.errors.tooLarge, {
        rows,
        columns,
        max: MAX_SOURCE_CELLS.toLocaleString('en'),
        maxRows: MAX_SOURCE_ROWS.toLocaleString('en'),
      }),
    );
  const source = rows && columns ? (sheet.getRange(1, 1, rows, columns).getValues() as unknown[][]) : [];
  const existing = workbook.table(request.target)!;
  if (existing.layout.index[idField(request.target)] === undefined)
    return refused(fill(m.noIdColumn, { sheet: target.getName(), column: idLabel(lang, request.target) }));
  const lookups: Partial<Record<SheetKey, ReadTable>> = {};
  const needs = new Set<SheetKey>(sheetsNeededFor(request.target));
  if (request.target === 'stockItems') needs.add('stockMovements');
  needs.delete(request.target);
  for (const key of needs) {
    const table = workbook.table(key);
    if (table) lookups[key] = table;
  }
  const result = planImport({
    target: request.target,
    source,
    timeZone: workbook.timeZone,
    settings: call.settings,
    today: call.today,
    lang,
    existing,
    lookups,
    mapping: request.mapping,
    keepExtra: request.keepExtra,
    choices: request.choices,
    allConflicts: request.allConflicts,
  });
  if (!result.ok) return refused(noPlanText(lang, result, idLabel(lang, request.target)));
  return { plan: result, source: request.source };
}

const idLabel = (lang: Lang, target: ImportTarget) => fieldLabel(lang, target, idField(target));

const isRefusal = (p: Prepared): p is Refusal => 'ok' in p && p.ok === false;

/** google.script.run: the preview. Reads only; writes nothing, whatever the answer. */
export const importPreviewEndpoint: Endpoint<
  [request: ImportRequest],
  ImportRequest,
  { preview: ImportPreview }
> = {
  read: ([request], { lang }) => readImportRequest(request, lang),
  handle: (request, call) => {
    const prepared = prepare(request, call);
    if (isRefusal(prepared)) return prepared;
    return { preview: importPreview(call.lang, prepared.plan, idLabel(call.lang, request.target)) };
  },
};

/**
 * google.script.run: the write, under the document lock. The plan is made again from what the
 * workbook holds now, so what is written is what that plan says; a conflict without a choice stops it.
 */
export const importWriteEndpoint: Endpoint<[request: ImportRequest], ImportRequest, { message: string }> = {
  read: ([request], { lang }) => readImportRequest(request, lang),
  handle: (request, call) =>
    withDocumentLock(() => {
      const prepared = prepare(request, call);
      if (isRefusal(prepared)) return prepared;
      const { plan } = prepared;
      const m = messages(call.lang).importing;
      if (plan.undecided > 0) return refused(fill(m.undecided, { n: plan.undecided }));
      const roster = call.workbook.table('roster');
      const user = userOf(
        roster ? typedRecords(roster, call.workbook.timeZone) : [],
        Session.getActiveUser().getEmail(),
      ).name;
      const done = writeImport(call.workbook, plan, {
        lang: call.lang,
        now: call.now,
        source: prepared.source,
        user,
      });
      const lines = [fill(m.done, { sheet: targetName(call.lang, plan.target), ...plan.counts })];
      if (done.movements)
        lines.push(
          fill(m.movements, { n: done.movements, sheet: messages(call.lang).sheets.stockMovements.name }),
        );
      if (done.fixSheet) lines.push(fill(m.toFix, { n: done.fixRows, sheet: done.fixSheet }));
      return { message: lines.join('\n') };
    }),
};
