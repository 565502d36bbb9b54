/**
 * In-memory Apps Script emulator for Houqin. `createEmulator()` returns the global services to install in a
 * Node `vm` context (see `globals`) plus handles for tests: clock, call counts, UI records, outbox, triggers.
 *
 * Formulas: the emulator does not compute formulas. A formula cell keeps its formula (getFormula(s)); its value
 * is the result of constant arithmetic ('=1+1' -> 2) or otherwise the string '#ERROR!'.
 */
import { parseA1 } from './a1';
import * as path from 'node:path';
import { AuthModeName, Base, countCalls, Ctx, makeClockDate, permissionError, scriptError } from './context';
import { BooleanCriteria, ConditionalFormatRuleBuilderImpl } from './conditional';
import { CopyPasteType } from './paste';
import { ProtectionType } from './protection';
import { RangeImpl, WrapStrategy } from './range';
import { SheetImpl } from './sheet';
import { SpreadsheetImpl } from './spreadsheet';
import { DataValidationBuilderImpl, DataValidationCriteria } from './validation';
import {
  ConsoleImpl,
  LockServiceImpl,
  LockState,
  LoggerImpl,
  MailAppImpl,
  MailState,
  PropertiesServiceImpl,
  SentMail,
  SessionImpl,
  UserImpl,
  UtilitiesImpl,
} from './services';
import {
  clockEvent,
  DueTrigger,
  Execution,
  fireClockTrigger,
  fireInstants,
  Invoke,
  ScriptAppImpl,
  TriggerRecord,
  TriggerState,
} from './triggers';
import {
  Button,
  ButtonName,
  ButtonSet,
  HtmlServiceImpl,
  MenuItemRecord,
  MenuRecord,
  UiImpl,
  UiState,
} from './ui';
import { isDateLike, zonedParts } from './tz';
import { installWebApp } from './webapp';

export type { MenuRecord, MenuItemRecord, SentMail, TriggerRecord, DueTrigger, Execution, Invoke };

export interface EmulatorOptions {
  now?: Date | string;
  timeZone?: string;
  scriptTimeZone?: string;
  locale?: string;
  activeUser?: string;
  mailQuota?: number;
  distDir?: string;
  spreadsheetName?: string;
  /** caption of createAddonMenu() menus (the add-on's name); default 'Houqin' */
  addonName?: string;
  spreadsheetId?: string;
}

export interface Emulator {
  globals: Record<string, unknown>;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  clock: {
    now(): Date;
    set(d: Date | string): void;
    advance(ms: number): void;
    advanceDays(n: number): void;
  };
  calls: {
    count(name?: string): number;
    snapshot(): Record<string, number>;
    reset(): void;
    total(): number;
    since(snap: Record<string, number>): Record<string, number>;
    /** Cells the script has read through Range getters since the last reset. */
    cellsRead(): number;
  };
  authMode: { set(mode: 'NONE' | 'LIMITED' | 'FULL'): void; get(): string };
  ui: {
    menus: MenuRecord[];
    sidebars: { title: string; html: string; width?: number }[];
    dialogs: { title: string; html: string; modal: boolean; width?: number; height?: number }[];
    alerts: { title?: string; prompt: string; buttons?: string }[];
    prompts: { title?: string; prompt: string; buttons?: string }[];
    toasts: { msg: string; title?: string; timeout?: number }[];
    /** false models a time-driven trigger: SpreadsheetApp.getUi() throws */
    available: boolean;
    answerPrompts(...answers: { button: ButtonName; text?: string }[]): void;
    answerAlerts(...buttons: string[]): void;
    findMenuItem(path: string[]): { caption: string; functionName: string } | undefined;
    allMenuItems(): { path: string[]; functionName: string }[];
  };
  mail: {
    outbox: SentMail[];
    setQuota(n: number): void;
    failNext(n?: number, message?: string): void;
    remaining(): number;
  };
  triggers: {
    list(): TriggerRecord[];
    due(from: Date, to: Date): DueTrigger[];
    /** the event object Apps Script passes to a time-driven handler firing at `at` */
    clockEvent(t: TriggerRecord, at: Date): Record<string, unknown>;
    /** runs a time-driven trigger as Apps Script would (see fireClockTrigger) and records the run */
    fire(t: TriggerRecord, at: Date, invoke: Invoke): Execution;
    /** fires, in order, every trigger due in (from, to], then leaves the clock at `to` */
    runDue(from: Date, to: Date, invoke: Invoke): Execution[];
    /** every run so far, as the project's Executions page lists them */
    executions: Execution[];
  };
  lock: { holdByOther(held: boolean): void; isHeld(): boolean; acquisitions(): number };
  edit(sheetName: string, a1: string, values: unknown[][] | unknown): GoogleAppsScript.Events.SheetsOnEdit;
  setActiveUser(email: string): void;
  setUiAvailable(available: boolean): void;
  properties: {
    document: Record<string, string>;
    user: Record<string, string>;
    script: Record<string, string>;
  };
  logs: string[];
}

const DEFAULT_NOW = '2026-09-01T08:00:00+08:00';
const SS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

export const BorderStyle = {
  DOTTED: 'DOTTED',
  DASHED: 'DASHED',
  SOLID: 'SOLID',
  SOLID_MEDIUM: 'SOLID_MEDIUM',
  SOLID_THICK: 'SOLID_THICK',
  DOUBLE: 'DOUBLE',
} as const;
export const Dimension = { COLUMNS: 'COLUMNS', ROWS: 'ROWS' } as const;

class SpreadsheetAppImpl extends Base {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = BorderStyle;
  readonly Dimension = Dimension;
  readonly CopyPasteType = CopyPasteType;
  constructor(
    ctx: Ctx,
    readonly _ss: SpreadsheetImpl,
    readonly _ui: UiState,
  ) {
    super(ctx);
  }
  _doc(method: string): SpreadsheetImpl {
    if (this._ctx.authMode === 'NONE') throw permissionError(`SpreadsheetApp.${method}`, SS_SCOPE);
    return this._ss;
  }
  getActive(): SpreadsheetImpl {
    return this._doc('getActive');
  }
  getActiveSpreadsheet(): SpreadsheetImpl {
    return this._doc('getActiveSpreadsheet');
  }
  getActiveSheet(): SheetImpl {
    return this._doc('getActiveSheet').getActiveSheet();
  }
  getActiveRange(): RangeImpl {
    return this._doc('getActiveRange').getActiveRange();
  }
  setActiveSheet(sheet: SheetImpl): SheetImpl {
    return this._doc('setActiveSheet').setActiveSheet(sheet);
  }
  openById(id: string): SpreadsheetImpl {
    if (this._ctx.authMode !== 'FULL')
      throw permissionError('SpreadsheetApp.openById', 'https://www.googleapis.com/auth/spreadsheets');
    if (String(id) !== this._ss._id)
      throw scriptError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    return this._ss;
  }
  openByUrl(url: string): SpreadsheetImpl {
    if (this._ctx.authMode !== 'FULL')
      throw permissionError('SpreadsheetApp.openByUrl', 'https://www.googleapis.com/auth/spreadsheets');
    if (!String(url).includes(this._ss._id))
      throw scriptError(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    return this._ss;
  }
  getUi(): UiImpl {
    if (!this._ui.available) throw scriptError('Cannot call SpreadsheetApp.getUi() from this context.');
    return new UiImpl(this._ctx, this._ui);
  }
  flush(): void {}
  newDataValidation(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this._ctx);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilderImpl {
    return new ConditionalFormatRuleBuilderImpl(this._ctx);
  }
}
countCalls(SpreadsheetAppImpl, 'SpreadsheetApp');

function toDateInput(d: Date | string): number {
  const t = isDateLike(d) ? d.getTime() : new Date(d).getTime();
  if (Number.isNaN(t)) throw new Error(`Invalid date: ${String(d)}`);
  return t;
}

function eventString(v: unknown): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const activeUser = options.activeUser ?? 'head@school.example';
  const ctx: Ctx = {
    counts: new Map(),
    cellsRead: 0,
    callDepth: 0,
    nowMs: toDateInput(options.now ?? DEFAULT_NOW),
    ClockDate: undefined as unknown as Ctx['ClockDate'],
    authMode: 'FULL',
    activeUser,
    effectiveUser: activeUser,
    uiAvailable: true,
    spreadsheetTimeZone: timeZone,
    scriptTimeZone: options.scriptTimeZone ?? timeZone,
    locale: options.locale ?? 'zh_CN',
    logs: [],
    toasts: [],
  };
  ctx.ClockDate = makeClockDate(ctx);

  const ssId = options.spreadsheetId ?? '1HouqinEmulatedSpreadsheetId0000000000000000';
  const ss = new SpreadsheetImpl(ctx, ssId, options.spreadsheetName ?? '后勤管理');
  ss._addSheet(undefined);

  const uiState: UiState = {
    available: true,
    addonName: options.addonName ?? 'Houqin',
    menus: [],
    sidebars: [],
    dialogs: [],
    alerts: [],
    prompts: [],
    promptAnswers: [],
    alertAnswers: [],
  };
  const mailState: MailState = {
    outbox: [],
    quota: options.mailQuota ?? 100,
    used: new Map(),
    failures: { remaining: 0, message: '' },
  };
  const stores = { document: {}, user: {}, script: {} } as {
    document: Record<string, string>;
    user: Record<string, string>;
    script: Record<string, string>;
  };
  const lockState: LockState = {
    heldByOther: false,
    held: { document: false, script: false, user: false },
    acquisitions: 0,
  };
  const triggerState: TriggerState = { list: [], nextUid: 7_340_001, max: 20 };
  const executions: Execution[] = [];

  const globals: Record<string, unknown> = {
    SpreadsheetApp: new SpreadsheetAppImpl(ctx, ss, uiState),
    HtmlService: new HtmlServiceImpl(ctx, options.distDir ?? path.resolve(__dirname, '..', 'dist')),
    MailApp: new MailAppImpl(ctx, mailState),
    PropertiesService: new PropertiesServiceImpl(ctx, stores),
    LockService: new LockServiceImpl(ctx, lockState),
    ScriptApp: new ScriptAppImpl(ctx, triggerState, ssId),
    Session: new SessionImpl(ctx, ctx.locale),
    Utilities: new UtilitiesImpl(ctx),
    Logger: new LoggerImpl(ctx),
    console: new ConsoleImpl(ctx),
    Date: ctx.ClockDate,
  };
  installWebApp(ctx, globals);

  const walkMenu = (
    items: MenuItemRecord[],
    prefix: string[],
    out: { path: string[]; functionName: string }[],
  ): void => {
    for (const it of items) {
      if ('functionName' in it) out.push({ path: [...prefix, it.caption], functionName: it.functionName });
      else if ('submenu' in it) walkMenu(it.submenu.items, [...prefix, it.caption], out);
    }
  };
  const allMenuItems = (): { path: string[]; functionName: string }[] => {
    const out: { path: string[]; functionName: string }[] = [];
    for (const m of uiState.menus) walkMenu(m.items, [m.caption], out);
    return out;
  };

  const countsObject = (): Record<string, number> => Object.fromEntries(ctx.counts);
  const total = (): number => {
    let n = 0;
    for (const v of ctx.counts.values()) n += v;
    return n;
  };

  const emulator: Emulator = {
    globals,
    spreadsheet: ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    clock: {
      now: () => new ctx.ClockDate(ctx.nowMs),
      set: (d) => {
        ctx.nowMs = toDateInput(d);
      },
      advance: (ms) => {
        ctx.nowMs += ms;
      },
      advanceDays: (n) => {
        ctx.nowMs += n * 86_400_000;
      },
    },
    calls: {
      count: (name) => (name === undefined ? total() : (ctx.counts.get(name) ?? 0)),
      snapshot: countsObject,
      reset: () => {
        ctx.counts.clear();
        ctx.cellsRead = 0;
      },
      total,
      cellsRead: () => ctx.cellsRead,
      since: (snap) => {
        const out: Record<string, number> = {};
        for (const [k, v] of ctx.counts) {
          const d = v - (snap[k] ?? 0);
          if (d !== 0) out[k] = d;
        }
        return out;
      },
    },
    authMode: {
      set: (mode) => {
        if (!['NONE', 'LIMITED', 'FULL'].includes(mode)) throw new Error(`Unknown auth mode ${mode}`);
        ctx.authMode = mode as AuthModeName;
      },
      get: () => ctx.authMode,
    },
    ui: {
      menus: uiState.menus,
      sidebars: uiState.sidebars,
      dialogs: uiState.dialogs,
      alerts: uiState.alerts,
      prompts: uiState.prompts,
      toasts: ctx.toasts,
      get available() {
        return uiState.available;
      },
      set available(v: boolean) {
        uiState.available = v;
      },
      answerPrompts: (...answers) => {
        uiState.promptAnswers.push(...answers);
      },
      answerAlerts: (...buttons) => {
        uiState.alertAnswers.push(...buttons);
      },
      findMenuItem: (p) => {
        const hit = allMenuItems().find(
          (it) => it.path.length === p.length && it.path.every((x, i) => x === p[i]),
        );
        return hit
          ? { caption: hit.path[hit.path.length - 1] as string, functionName: hit.functionName }
          : undefined;
      },
      allMenuItems,
    },
    mail: {
      outbox: mailState.outbox,
      setQuota: (n) => {
        mailState.quota = n;
      },
      failNext: (n = 1, message = 'Service unavailable: Email. Please try again later.') => {
        mailState.failures = { remaining: n, message };
      },
      remaining: () => {
        const p = zonedParts(ctx.nowMs, ctx.scriptTimeZone);
        return Math.max(0, mailState.quota - (mailState.used.get(`${p.year}-${p.month}-${p.day}`) ?? 0));
      },
    },
    triggers: {
      list: () => [...triggerState.list],
      due: (from, to) => {
        const a = toDateInput(from);
        const b = toDateInput(to);
        const out: { rec: TriggerRecord; at: number; order: number }[] = [];
        triggerState.list.forEach((rec, order) => {
          if (!rec.schedule) return;
          for (const t of fireInstants(rec.schedule, rec.createdAt.getTime(), a, b))
            out.push({ rec, at: t, order });
        });
        out.sort((x, y) => x.at - y.at || x.order - y.order);
        return out.map((x) => ({ ...x.rec, at: new ctx.ClockDate(x.at) }));
      },
      clockEvent,
      fire: (t, at, invoke) => {
        const run = fireClockTrigger(ctx, uiState, t, at, invoke);
        executions.push(run);
        return run;
      },
      runDue: (from, to, invoke) => {
        const runs = emulator.triggers.due(from, to).map((t) => emulator.triggers.fire(t, t.at, invoke));
        ctx.nowMs = toDateInput(to);
        return runs;
      },
      executions,
    },
    lock: {
      holdByOther: (held) => {
        lockState.heldByOther = held;
      },
      isHeld: () => lockState.held.document || lockState.held.script || lockState.held.user,
      acquisitions: () => lockState.acquisitions,
    },
    edit: (sheetName, a1, values) => {
      const sheet = ss._findSheet(sheetName);
      if (!sheet) throw new Error(`No sheet named ${sheetName}`);
      // The person's typing, not the script's: its range is not counted as a call.
      const range = sheet._rangeFromA1(parseA1(a1));
      const grid: unknown[][] =
        Array.isArray(values) && values.every((r) => Array.isArray(r))
          ? (values as unknown[][])
          : Array.from({ length: range._nr }, () => new Array<unknown>(range._nc).fill(values));
      const single = range._nr === 1 && range._nc === 1;
      const old = single ? sheet._get('values', range._row - 1, range._col - 1) : undefined;
      range._checkShape(grid, 'setValues');
      sheet._write(range._row - 1, range._col - 1, grid);
      ss._activeSheet = sheet;
      ss._activeRange = range;
      // The event's range carries its bounds as plain properties (no call): JSON.stringify(e) shows
      // {"range":{"columnStart":1,"rowStart":1,"rowEnd":1,"columnEnd":1}} — tanaikech, "Benchmark:
      // Event Objects for Google Apps Script",
      // https://tanaikech.github.io/2017/07/20/benchmark-event-objects-for-google-apps-script/.
      Object.assign(range, {
        columnStart: range._col,
        rowStart: range._row,
        rowEnd: range._row + range._nr - 1,
        columnEnd: range._col + range._nc - 1,
      });
      const event: Record<string, unknown> = {
        authMode: 'LIMITED',
        range,
        source: ss,
        user: new UserImpl(ctx, ctx.activeUser),
      };
      if (single) {
        const nv = eventString(sheet._get('values', range._row - 1, range._col - 1));
        const ov = eventString(old);
        if (nv !== undefined) event.value = nv;
        if (ov !== undefined) event.oldValue = ov;
      }
      return event as unknown as GoogleAppsScript.Events.SheetsOnEdit;
    },
    setActiveUser: (email) => {
      ctx.activeUser = email;
    },
    setUiAvailable: (available) => {
      uiState.available = available;
    },
    properties: stores,
    logs: ctx.logs,
  };
  return emulator;
}

export { Button, ButtonSet };
