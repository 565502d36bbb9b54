/** SpreadsheetApp's Spreadsheet: its sheets, active sheet/range, zone and locale. */
import { rangeNotFound, parseA1 } from './a1';
import { Base, countCalls, Ctx, notImplemented, scriptError } from './context';
import { RangeImpl } from './range';
import { SheetImpl } from './sheet';

export class SpreadsheetImpl extends Base {
  _sheets: SheetImpl[] = [];
  _activeSheet: SheetImpl | undefined;
  _activeRange: RangeImpl | undefined;
  _nextGid = 1_000_000_001;
  constructor(
    ctx: Ctx,
    readonly _id: string,
    public _name: string,
  ) {
    super(ctx);
  }
  _defaultSheetName(): string {
    const base = this._ctx.locale.startsWith('zh') ? '工作表' : 'Sheet';
    let i = 1;
    while (this._findSheet(base + i)) i++;
    return base + i;
  }
  _findSheet(name: string): SheetImpl | undefined {
    const lower = String(name).toLowerCase();
    return this._sheets.find((s) => s._name.toLowerCase() === lower);
  }
  _checkNewName(name: string, except?: SheetImpl): void {
    const found = this._findSheet(name);
    if (found && found !== except) {
      throw scriptError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  _addSheet(name: string | undefined, index?: number): SheetImpl {
    const n = name === undefined ? this._defaultSheetName() : String(name);
    this._checkNewName(n);
    const gid = this._sheets.length === 0 ? 0 : this._nextGid++;
    const sheet = new SheetImpl(this._ctx, this, n, gid);
    if (index === undefined || index >= this._sheets.length) this._sheets.push(sheet);
    else this._sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }
  _sheetOrThrow(name: string): SheetImpl {
    const s = this._findSheet(name);
    if (!s) throw rangeNotFound();
    return s;
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  rename(name: string): void {
    this._name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSheets(): SheetImpl[] {
    return [...this._sheets];
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): SheetImpl | null {
    return this._findSheet(name) ?? null;
  }
  getSheetById(id: number): SheetImpl | null {
    return this._sheets.find((s) => s._gid === Number(id)) ?? null;
  }
  insertSheet(a?: unknown, b?: unknown): SheetImpl {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    const sheet = this._addSheet(name, index);
    this._activeSheet = sheet;
    this._activeRange = undefined;
    return sheet;
  }
  deleteSheet(sheet: SheetImpl): void {
    const i = this._sheets.indexOf(sheet);
    if (i < 0) throw scriptError('Sheet not found');
    if (this._sheets.length === 1) {
      throw scriptError("You can't remove all the sheets in a document.");
    }
    this._sheets.splice(i, 1);
    sheet._deleted = true;
    if (this._activeSheet === sheet) this._activeSheet = this._sheets[0];
  }
  getSpreadsheetTimeZone(): string {
    return this._ctx.spreadsheetTimeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this._ctx.spreadsheetTimeZone = String(tz);
  }
  getSpreadsheetLocale(): string {
    return this._ctx.locale;
  }
  setSpreadsheetLocale(l: string): void {
    this._ctx.locale = String(l);
  }
  getActiveSheet(): SheetImpl {
    if (!this._activeSheet || this._activeSheet._deleted) this._activeSheet = this._sheets[0];
    return this._activeSheet as SheetImpl;
  }
  /**
   * The active sheet's name: the Spreadsheet's Sheet methods act on its active sheet
   * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getsheetname,
   * #getactivesheet: "the sheet that is being displayed in the spreadsheet UI").
   */
  getSheetName(): string {
    return this.getActiveSheet().getName();
  }
  setActiveSheet(sheet: SheetImpl): SheetImpl {
    this._activeSheet = sheet;
    this._activeRange = undefined;
    return sheet;
  }
  getActiveRange(): RangeImpl {
    const sheet = this.getActiveSheet();
    if (this._activeRange && this._activeRange._sheet === sheet) return this._activeRange;
    return new RangeImpl(this._ctx, sheet, 1, 1, 1, 1);
  }
  setActiveRange(range: RangeImpl): RangeImpl {
    this._activeSheet = range._sheet;
    this._activeRange = range;
    return range;
  }
  getActiveCell(): RangeImpl {
    const r = this.getActiveRange();
    return new RangeImpl(this._ctx, r._sheet, r._row, r._col, 1, 1);
  }
  getCurrentCell(): RangeImpl {
    return this.getActiveCell();
  }
  getRange(a1: string): RangeImpl {
    const p = parseA1(a1);
    const sheet = p.sheetName !== undefined ? this._sheetOrThrow(p.sheetName) : this.getActiveSheet();
    return sheet._rangeFromA1(p);
  }
  getRangeByName(_name: string): null {
    return null;
  }
  toast(msg: unknown, title?: unknown, timeout?: number): void {
    const t: { msg: string; title?: string; timeout?: number } = { msg: String(msg) };
    if (title !== undefined) t.title = String(title);
    if (timeout !== undefined) t.timeout = timeout;
    this._ctx.toasts.push(t);
  }
  getOwner(): { getEmail(): string } {
    const e = this._ctx.effectiveUser;
    return { getEmail: () => e };
  }
  getEditors(): { getEmail(): string }[] {
    return [this.getOwner()];
  }
}

notImplemented(SpreadsheetImpl, 'Spreadsheet', [
  'addEditor',
  'addEditors',
  'removeEditor',
  'addViewer',
  'copy',
  'duplicateActiveSheet',
  'setNamedRange',
  'getNamedRanges',
  'moveActiveSheet',
  'insertSheetWithDataSourceTable',
]);
countCalls(SpreadsheetImpl, 'Spreadsheet');
