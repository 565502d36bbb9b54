/** ScriptApp: enums, installable triggers and their schedules. */
import { Base, countCalls, Ctx, permissionError, scriptError } from './context';
import { checkZone, DAY_MS, instantToWall, isDateLike, wallParts, wallToInstant, zonedParts } from './tz';

export const AuthMode = {
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
} as const;
export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;
export const WeekDay = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
} as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
const WEEKDAY_INDEX: Record<string, number> = {
  SUNDAY: 0,
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
};

export interface ClockSchedule {
  kind: 'minutes' | 'hours' | 'days' | 'weeks' | 'month' | 'once';
  every?: number;
  hour?: number;
  minute?: number;
  weekDay?: string;
  monthDay?: number;
  at?: number; // once: instant in ms
  timeZone: string;
}

export interface TriggerRecord {
  uid: string;
  handlerFunction: string;
  eventType: string;
  triggerSource: string;
  triggerSourceId: string | null;
  owner: string;
  createdAt: Date;
  schedule?: ClockSchedule;
}

export interface DueTrigger extends TriggerRecord {
  /** the instant this trigger fires */
  at: Date;
}

export interface TriggerState {
  list: TriggerRecord[];
  nextUid: number;
  max: number;
}

export class TriggerImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _rec: TriggerRecord,
  ) {
    super(ctx);
  }
  getUniqueId(): string {
    return this._rec.uid;
  }
  getHandlerFunction(): string {
    return this._rec.handlerFunction;
  }
  getEventType(): string {
    return this._rec.eventType;
  }
  getTriggerSource(): string {
    return this._rec.triggerSource;
  }
  getTriggerSourceId(): string | null {
    return this._rec.triggerSourceId;
  }
}

class Draft {
  eventType: string | undefined;
  source: string | undefined;
  sourceId: string | null = null;
  schedule: Partial<ClockSchedule> = {};
  constructor(readonly handler: string) {}
}

function create(ctx: Ctx, state: TriggerState, d: Draft): TriggerImpl {
  if (ctx.authMode !== 'FULL')
    throw permissionError('ScriptApp.newTrigger', 'https://www.googleapis.com/auth/script.scriptapp');
  if (state.list.length >= state.max) {
    throw scriptError(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  const rec: TriggerRecord = {
    uid: String(state.nextUid++),
    handlerFunction: d.handler,
    eventType: d.eventType ?? 'CLOCK',
    triggerSource: d.source ?? 'CLOCK',
    triggerSourceId: d.sourceId,
    owner: ctx.effectiveUser,
    createdAt: new ctx.ClockDate(ctx.nowMs),
  };
  if (rec.eventType === 'CLOCK') {
    const s = d.schedule;
    if (!s.kind)
      throw scriptError(
        'Clock triggers must have a schedule: use everyMinutes, everyHours, everyDays, everyWeeks, onMonthDay, at or after.',
      );
    if (s.kind === 'weeks' && !s.weekDay)
      throw scriptError('Weekly triggers must specify a day of the week (onWeekDay).');
    rec.schedule = { ...s, kind: s.kind, timeZone: s.timeZone ?? ctx.scriptTimeZone };
  }
  state.list.push(rec);
  return new TriggerImpl(ctx, rec);
}

export class ClockTriggerBuilderImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _state: TriggerState,
    readonly _d: Draft,
  ) {
    super(ctx);
    _d.eventType = 'CLOCK';
    _d.source = 'CLOCK';
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n))
      throw scriptError('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    Object.assign(this._d.schedule, { kind: 'minutes', every: n });
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw scriptError('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    Object.assign(this._d.schedule, { kind: 'hours', every: n });
    return this;
  }
  everyDays(n: number): this {
    Object.assign(this._d.schedule, { kind: 'days', every: n });
    return this;
  }
  everyWeeks(n: number): this {
    Object.assign(this._d.schedule, { kind: 'weeks', every: n });
    return this;
  }
  onWeekDay(day: string): this {
    Object.assign(this._d.schedule, { weekDay: String(day) });
    if (!this._d.schedule.kind) this._d.schedule.kind = 'weeks';
    return this;
  }
  onMonthDay(day: number): this {
    Object.assign(this._d.schedule, { kind: 'month', monthDay: day });
    return this;
  }
  atHour(h: number): this {
    if (h < 0 || h > 23) throw scriptError('The hour must be between 0 and 23.');
    this._d.schedule.hour = h;
    return this;
  }
  nearMinute(m: number): this {
    this._d.schedule.minute = m;
    return this;
  }
  inTimezone(tz: string): this {
    checkZone(tz);
    this._d.schedule.timeZone = tz;
    return this;
  }
  at(date: Date): this {
    if (!isDateLike(date)) throw scriptError('Invalid argument: date');
    Object.assign(this._d.schedule, { kind: 'once', at: date.getTime() });
    return this;
  }
  atDate(year: number, month: number, day: number): this {
    const tz = this._d.schedule.timeZone ?? this._ctx.scriptTimeZone;
    Object.assign(this._d.schedule, { kind: 'once', at: wallToInstant(Date.UTC(year, month - 1, day), tz) });
    return this;
  }
  after(ms: number): this {
    Object.assign(this._d.schedule, { kind: 'once', at: this._ctx.nowMs + ms });
    return this;
  }
  create(): TriggerImpl {
    return create(this._ctx, this._state, this._d);
  }
}

export class SpreadsheetTriggerBuilderImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _state: TriggerState,
    readonly _d: Draft,
  ) {
    super(ctx);
  }
  onOpen(): this {
    this._d.eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this._d.eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this._d.eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this._d.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): TriggerImpl {
    if (!this._d.eventType)
      throw scriptError('Please select an event type (onOpen, onEdit, onChange or onFormSubmit).');
    return create(this._ctx, this._state, this._d);
  }
}

export class TriggerBuilderImpl extends Base {
  constructor(
    ctx: Ctx,
    readonly _state: TriggerState,
    readonly _d: Draft,
    readonly _ssId: string,
  ) {
    super(ctx);
  }
  timeBased(): ClockTriggerBuilderImpl {
    return new ClockTriggerBuilderImpl(this._ctx, this._state, this._d);
  }
  forSpreadsheet(ss: string | { getId(): string }): SpreadsheetTriggerBuilderImpl {
    const id = typeof ss === 'string' ? ss : ss.getId();
    if (id !== this._ssId)
      throw scriptError(
        `Unexpected error while getting the method or property forSpreadsheet on object ScriptApp.TriggerBuilder.`,
      );
    this._d.source = 'SPREADSHEETS';
    this._d.sourceId = id;
    return new SpreadsheetTriggerBuilderImpl(this._ctx, this._state, this._d);
  }
}

export class AuthorizationInfoImpl extends Base {
  getAuthorizationStatus(): string {
    return 'NOT_REQUIRED';
  }
  getAuthorizationUrl(): string | null {
    return null;
  }
  getAuthorizedScopes(): string[] {
    return [];
  }
}

export class ScriptAppImpl extends Base {
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = AuthorizationStatus;
  constructor(
    ctx: Ctx,
    readonly _state: TriggerState,
    readonly _ssId: string,
  ) {
    super(ctx);
  }
  _auth(method: string): void {
    if (this._ctx.authMode !== 'FULL')
      throw permissionError(`ScriptApp.${method}`, 'https://www.googleapis.com/auth/script.scriptapp');
  }
  newTrigger(functionName: string): TriggerBuilderImpl {
    this._auth('newTrigger');
    return new TriggerBuilderImpl(this._ctx, this._state, new Draft(String(functionName)), this._ssId);
  }
  getProjectTriggers(): TriggerImpl[] {
    this._auth('getProjectTriggers');
    return this._state.list.map((r) => new TriggerImpl(this._ctx, r));
  }
  getUserTriggers(ss: { getId(): string }): TriggerImpl[] {
    this._auth('getUserTriggers');
    const id = ss.getId();
    return this._state.list.filter((r) => r.triggerSourceId === id).map((r) => new TriggerImpl(this._ctx, r));
  }
  deleteTrigger(trigger: TriggerImpl): void {
    this._auth('deleteTrigger');
    const uid = trigger.getUniqueId();
    const i = this._state.list.findIndex((r) => r.uid === uid);
    if (i >= 0) this._state.list.splice(i, 1);
  }
  getAuthorizationInfo(_mode: string): AuthorizationInfoImpl {
    return new AuthorizationInfoImpl(this._ctx);
  }
  getScriptId(): string {
    return 'emulated-script-id';
  }
  getOAuthToken(): string {
    return 'emulated-oauth-token';
  }
  invalidateAuth(): void {}
}

/** One run of a trigger, as the project's Executions page lists it. */
export interface Execution {
  handlerFunction: string;
  at: Date;
  status: 'Completed' | 'Failed';
  /** what the handler threw, for a failed run */
  error?: unknown;
}

/** Calls the bundle's global `handlerFunction` with the event (a test's or the playground's vm). */
export type Invoke = (handlerFunction: string, event: Record<string, unknown>) => void;

/**
 * The event object of a time-driven trigger
 * (https://developers.google.com/apps-script/guides/triggers/events#time-driven_events).
 */
export function clockEvent(t: TriggerRecord, at: Date): Record<string, unknown> {
  const p = zonedParts(at.getTime(), 'UTC');
  return {
    authMode: 'FULL',
    triggerUid: t.uid,
    year: p.year,
    month: p.month,
    'day-of-month': p.day,
    'day-of-week': p.weekday === 0 ? 7 : p.weekday,
    'week-of-year': 0,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    timezone: 'UTC',
  };
}

/**
 * Runs an installed time-driven trigger of this (container-bound) script as Apps Script does, and
 * records the run. What holds during the run, and its source:
 * - the clock reads the firing time;
 * - AuthMode.FULL (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle,
 *   "time-driven" triggers run in FULL);
 * - it runs as the account that created the trigger
 *   (https://developers.google.com/apps-script/guides/triggers/installable, Restrictions), and no
 *   person is there: no active user and no UI, so getUi() throws;
 * - the bound spreadsheet stays the active one: a bound script reaches its container with
 *   getActiveSpreadsheet() from "the script editor, menu items, dialogs, sidebars, or triggers"
 *   (https://developers.google.com/apps-script/guides/bound) — nothing is modelled here for that,
 *   since SpreadsheetApp.getActiveSpreadsheet() already answers the container outside AuthMode.NONE;
 * - an error thrown by the handler makes a failed execution, and the next trigger still runs.
 */
export function fireClockTrigger(
  ctx: Ctx,
  ui: { available: boolean },
  rec: TriggerRecord,
  at: Date,
  invoke: Invoke,
): Execution {
  const saved = {
    authMode: ctx.authMode,
    active: ctx.activeUser,
    effective: ctx.effectiveUser,
    ui: ui.available,
  };
  ctx.nowMs = at.getTime();
  ctx.authMode = 'FULL';
  ctx.activeUser = '';
  ctx.effectiveUser = rec.owner;
  ui.available = false;
  try {
    invoke(rec.handlerFunction, clockEvent(rec, at));
    return { handlerFunction: rec.handlerFunction, at, status: 'Completed' };
  } catch (error) {
    return { handlerFunction: rec.handlerFunction, at, status: 'Failed', error };
  } finally {
    ctx.authMode = saved.authMode;
    ctx.activeUser = saved.active;
    ctx.effectiveUser = saved.effective;
    ui.available = saved.ui;
  }
}

/** Instants in (from, to] at which a clock schedule fires, in order. */
export function fireInstants(s: ClockSchedule, createdAt: number, from: number, to: number): number[] {
  const out: number[] = [];
  const tz = s.timeZone;
  const push = (t: number): void => {
    if (t > from && t <= to) out.push(t);
  };
  if (s.kind === 'once') {
    if (s.at !== undefined) push(s.at);
    return out;
  }
  if (s.kind === 'minutes' || s.kind === 'hours') {
    const step = (s.every ?? 1) * (s.kind === 'minutes' ? 60_000 : 3_600_000);
    // aligned to the wall clock of the zone (every 15 minutes -> :00, :15, ...)
    const wallFrom = instantToWall(from, tz);
    let w = Math.floor(wallFrom / step) * step;
    for (let guard = 0; guard < 1_000_000; guard++) {
      const t = wallToInstant(w, tz);
      if (t > to) break;
      push(t);
      w += step;
    }
    return out;
  }
  const hour = s.hour ?? 0;
  const minute = s.minute ?? 0;
  const startDay = Math.floor(instantToWall(from, tz) / DAY_MS) - 1;
  const endDay = Math.floor(instantToWall(to, tz) / DAY_MS) + 1;
  const createdDay = Math.floor(instantToWall(createdAt, tz) / DAY_MS);
  for (let day = startDay; day <= endDay; day++) {
    const p = wallParts(day * DAY_MS);
    let ok = false;
    if (s.kind === 'days') ok = (day - createdDay) % (s.every ?? 1) === 0;
    else if (s.kind === 'weeks') {
      ok = p.weekday === WEEKDAY_INDEX[s.weekDay ?? 'MONDAY'];
      const every = s.every ?? 1;
      if (ok && every > 1) ok = Math.floor((day - createdDay) / 7) % every === 0;
    } else if (s.kind === 'month') ok = p.day === s.monthDay;
    if (ok) push(wallToInstant(day * DAY_MS + hour * 3_600_000 + minute * 60_000, tz));
  }
  return out;
}

for (const [ctor, name] of [
  [TriggerImpl, 'Trigger'],
  [ClockTriggerBuilderImpl, 'ClockTriggerBuilder'],
  [SpreadsheetTriggerBuilderImpl, 'SpreadsheetTriggerBuilder'],
  [TriggerBuilderImpl, 'TriggerBuilder'],
  [AuthorizationInfoImpl, 'AuthorizationInfo'],
  [ScriptAppImpl, 'ScriptApp'],
] as const) {
  countCalls(ctor, name);
}
