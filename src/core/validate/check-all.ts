import type { SheetKey } from '../sheets';
import { sheetDecl } from '../sheets';
import { columnHeader, sheetName } from '../table/labels';
import type { Fix } from './columns';
import { checkWorkbook, type Problem, type WorkbookInput } from './index';
import { sheetMarksToWrite, type MarkBlock, type PlacedMarks } from './marks';
import { groupBySheet } from './group';
import {
  buildReport,
  problemRows,
  REPORT_LIMIT,
  reportProblems,
  type CheckReport,
  type SheetPlace,
} from './report';

/** A checked sheet as the shell read it, beside its values (in the workbook input). */
export interface SheetRead {
  /** The tab's name and id as they are in this spreadsheet. */
  readonly name: string;
  readonly gid: number;
  /** The backgrounds and notes of its records (rows 2 to the last, the header's width); null when it has none. */
  readonly cells: MarkBlock | null;
}

export interface CheckAllInput {
  readonly workbook: WorkbookInput;
  /** Every checked sheet that was read. */
  readonly sheets: Partial<Record<SheetKey, SheetRead>>;
  /** Where the Settings sheet is, for the problems reported on it. */
  readonly settings: { readonly name: string; readonly gid: number } | null;
  /** The spreadsheet's URL, for links in the report. */
  readonly url: string;
}

/** Every change "Check all sheets" makes, for the shell to write. */
export interface CheckAllChanges {
  /** Certain, untidy values to store in their proper type, per sheet. */
  readonly fixes: Partial<Record<SheetKey, Fix[]>>;
  /** Marks to paint and clear, per sheet that changes. */
  readonly marks: Partial<Record<SheetKey, PlacedMarks>>;
  /** The Problems sheet: its name and header (for when it is missing) and its new rows. */
  readonly problems: {
    readonly name: string;
    readonly header: string[];
    readonly rows: (string | number)[][];
  };
  /** What the dialog and the sidebar show. */
  readonly report: CheckReport;
}

const NONE: readonly Problem[] = [];

/**
 * "Check all sheets" as one calculation: checks the whole workbook, then says which values to tidy,
 * which cells to mark and unmark, the rows of the Problems sheet and the report, in the Settings
 * language. Running it again on what it wrote changes nothing.
 */
export function checkAll(input: CheckAllInput): CheckAllChanges {
  const { timeZone } = input.workbook;
  const lang = input.workbook.settings.language;
  const check = checkWorkbook(input.workbook);
  const places = new Map<SheetKey, SheetPlace>();
  for (const [key, sheet] of Object.entries(input.sheets) as [SheetKey, SheetRead][])
    places.set(key, { name: sheet.name, gid: sheet.gid, layout: input.workbook.tables[key]?.layout });
  if (input.settings && check.bySheet.has('settings')) places.set('settings', input.settings);

  const problemsBySheet = check.bySheet;
  const fixesBySheet = groupBySheet(check.fixes);
  const fixes: CheckAllChanges['fixes'] = {};
  const marks: CheckAllChanges['marks'] = {};
  for (const [key, sheet] of Object.entries(input.sheets) as [SheetKey, SheetRead][]) {
    const layout = input.workbook.tables[key]?.layout;
    const tidied = fixesBySheet.get(key) ?? [];
    if (tidied.length) fixes[key] = tidied;
    if (!layout || !sheet.cells) continue;
    const write = sheetMarksToWrite(
      sheet.cells,
      layout,
      problemsBySheet.get(key) ?? NONE,
      tidied,
      lang,
      timeZone,
    );
    if (write) marks[key] = write;
  }
  return {
    fixes,
    marks,
    problems: {
      name: sheetName(lang, 'problems'),
      header: sheetDecl('problems').columns.map((c) => columnHeader(lang, 'problems', c.key)),
      rows: problemRows(check, places, lang),
    },
    report: buildReport(check, reportProblems(check, places, lang, REPORT_LIMIT), places, lang, input.url),
  };
}
