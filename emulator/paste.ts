/**
 * Range.copyTo: which layers each paste type copies, how a source repeats over a larger destination, and
 * how pasted formulas move their relative references.
 * Sources: https://developers.google.com/apps-script/reference/spreadsheet/range#copytodestination,-copypastetype,-transposed,
 * https://developers.google.com/apps-script/reference/spreadsheet/copy-paste-type, and the live-run
 * gas-fakes test/testsheets.js "Range.copyTo" (sizes, contentsOnly/formatOnly, empty source, transposed).
 */
import { shiftFormula } from './a1';
import { scriptError } from './context';
import { FORMAT_LAYERS, LAYERS, LayerName } from './layers';
import type { RangeImpl } from './range';
import type { SheetImpl } from './sheet';

export const CopyPasteType = {
  PASTE_NORMAL: 'PASTE_NORMAL',
  PASTE_NO_BORDERS: 'PASTE_NO_BORDERS',
  PASTE_FORMAT: 'PASTE_FORMAT',
  PASTE_FORMULA: 'PASTE_FORMULA',
  PASTE_DATA_VALIDATION: 'PASTE_DATA_VALIDATION',
  PASTE_VALUES: 'PASTE_VALUES',
  PASTE_CONDITIONAL_FORMATTING: 'PASTE_CONDITIONAL_FORMATTING',
  PASTE_COLUMN_WIDTHS: 'PASTE_COLUMN_WIDTHS',
} as const;
type PasteType = keyof typeof CopyPasteType;

const CONTENT: LayerName[] = ['values', 'formulas'];
// Borders and merges are not modelled, so PASTE_NO_BORDERS pastes what PASTE_NORMAL does.
const LAYERS_OF: Record<
  Exclude<PasteType, 'PASTE_CONDITIONAL_FORMATTING' | 'PASTE_COLUMN_WIDTHS'>,
  readonly LayerName[]
> = {
  PASTE_NORMAL: LAYERS,
  PASTE_NO_BORDERS: LAYERS,
  PASTE_FORMAT: FORMAT_LAYERS,
  PASTE_FORMULA: CONTENT,
  PASTE_DATA_VALIDATION: ['validations'],
  PASTE_VALUES: ['values'],
};

/** The paste type an options object ({contentsOnly}, {formatOnly}) or a CopyPasteType stands for. */
function pasteType(typeOrOptions: unknown): PasteType {
  if (typeOrOptions === undefined || typeOrOptions === null) return 'PASTE_NORMAL';
  if (typeof typeOrOptions === 'object') {
    const o = typeOrOptions as { contentsOnly?: boolean; formatOnly?: boolean };
    if (o.contentsOnly) return 'PASTE_FORMULA';
    if (o.formatOnly) return 'PASTE_FORMAT';
    return 'PASTE_NORMAL';
  }
  const name = String(typeOrOptions);
  if (!(name in CopyPasteType)) {
    throw scriptError(
      `The parameters (SpreadsheetApp.Range,${typeof typeOrOptions}) don't match the method signature for SpreadsheetApp.Range.copyTo.`,
    );
  }
  return name as PasteType;
}

export function copyRange(
  src: RangeImpl,
  dest: RangeImpl,
  typeOrOptions: unknown,
  transposed: boolean,
): void {
  const type = pasteType(typeOrOptions);
  if (type === 'PASTE_CONDITIONAL_FORMATTING') {
    throw new Error('Range.copyTo(PASTE_CONDITIONAL_FORMATTING) is not implemented in the emulator');
  }
  const h = transposed ? src._nc : src._nr;
  const w = transposed ? src._nr : src._nc;
  // A destination smaller than the source receives it whole; a larger one as many whole copies as fit.
  const copiesDown = Math.max(1, Math.floor(dest._nr / h));
  const copiesAcross = Math.max(1, Math.floor(dest._nc / w));
  const sheet = dest._sheet;
  sheet._range(dest._row, dest._col, h * copiesDown, w * copiesAcross); // throws past the sheet's edge
  if (type === 'PASTE_COLUMN_WIDTHS') {
    for (let k = 0; k < copiesAcross; k++) {
      for (let j = 0; j < w; j++) {
        const width = src._sheet._colWidths.get(src._col + (j % src._nc));
        if (width !== undefined) sheet._colWidths.set(dest._col + k * w + j, width);
        else sheet._colWidths.delete(dest._col + k * w + j);
      }
    }
    return;
  }
  const layers = LAYERS_OF[type];
  // Read the whole source first: source and destination may overlap.
  const block = layers.map((l) => ({ l, cells: src._grid<unknown>(l, undefined) }));
  for (let a = 0; a < copiesDown; a++) {
    for (let b = 0; b < copiesAcross; b++) {
      for (let i = 0; i < h; i++) {
        for (let j = 0; j < w; j++) {
          const si = transposed ? j : i;
          const sj = transposed ? i : j;
          const r = dest._row - 1 + a * h + i;
          const c = dest._col - 1 + b * w + j;
          for (const { l, cells } of block) {
            let v = cells[si]?.[sj];
            if (l === 'formulas' && typeof v === 'string') {
              v = shiftFormula(v, r - (src._row - 1 + si), c - (src._col - 1 + sj));
            }
            sheet._set(l, r, c, v);
          }
          if (type === 'PASTE_VALUES') sheet._set('formulas', r, c, undefined);
        }
      }
    }
  }
}

/**
 * Range.copyFormatToRange(sheet | gridId, column, columnEnd, row, rowEnd): "Copy the formatting of
 * the range to the given location. If the destination is larger or smaller than the source range
 * then the source is repeated or truncated accordingly. Note that this method copies the formatting
 * only." The destination is given by its sheet (or that sheet's grid id) and its first and last
 * column and row, 1-based and inclusive; unlike copyTo, it is filled exactly: repeated in part at its
 * far edges, truncated when smaller. Formatting is what PASTE_FORMAT pastes here.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#copyFormatToRange(Sheet,Integer,Integer,Integer,Integer)
 * https://developers.google.com/apps-script/reference/spreadsheet/range#copyFormatToRange(Integer,Integer,Integer,Integer,Integer)
 */
export function copyFormatTo(
  src: RangeImpl,
  sheet: SheetImpl,
  column: number,
  columnEnd: number,
  row: number,
  rowEnd: number,
): void {
  const first = { row: Math.min(row, rowEnd), column: Math.min(column, columnEnd) };
  const rows = Math.abs(rowEnd - row) + 1;
  const columns = Math.abs(columnEnd - column) + 1;
  sheet._range(first.row, first.column, rows, columns); // throws past the sheet's edge
  const block = FORMAT_LAYERS.map((l) => ({ l, cells: src._grid<unknown>(l, undefined) }));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      for (const { l, cells } of block)
        sheet._set(l, first.row - 1 + i, first.column - 1 + j, cells[i % src._nr]![j % src._nc]);
    }
  }
}
