/**
 * One playground session: the built bundle in the emulator, and every action the page offers —
 * menu items (with prompts answered by the person at the page), the clock and the scheduled jobs
 * run as their triggers would. Each action returns what the add-on showed; the page reads the
 * workbook, outbox and messages through `view()`.
 */
import { createEmulator, type TriggerRecord } from '../emulator';
import { fill } from '../src/core/i18n';
import { DEFAULT_LANG, type Lang } from '../src/core/lang';
import { parseSettings } from '../src/core/settings/parse';
import { sheetKeyOf } from '../src/core/table/labels';
import { addDays, dayOf, daysBetween, instantOf, isValidDay, type Day } from '../src/core/time';
import { loadBundle, type Bundle } from '../emulator/bundle';
import { serveSidebarHtml } from './bridge';
import { playgroundText, type PlaygroundText } from './i18n';
import { menuFunction, runMenuKey } from './menu';
import { workbookView, type SheetView } from './view';

/** Who sits at the page: the office head of the demo school. */
export const PLAYGROUND_USER = 'zhangwei@school.example';

export type JobKind = 'daily' | 'weekly' | 'monthly';

/** Something the add-on put in front of the user. */
export interface Shown {
  kind: 'alert' | 'prompt' | 'toast' | 'dialog' | 'sidebar' | 'error';
  title: string;
  text: string;
  /** A dialog's HTML, shown in a sandboxed frame. */
  html?: string;
  /** Where it came from: a menu caption, a job, the clock. */
  source: string;
}

export interface ActionResult {
  shown: Shown[];
  /** A prompt nobody has answered yet: ask, then run the item again with the answers so far. */
  ask?: { title: string; prompt: string };
}

const JOB_KINDS: Record<string, JobKind> = { days: 'daily', weeks: 'weekly', month: 'monthly' };

/** The days the clock may show: school years a person could be trying out, not year 1 or 9999. */
export const CLOCK_WINDOW = { from: '2000-01-01', to: '2099-12-31' } as const;

/**
 * How far the clock moves forward in one step. Every trigger due on the way runs, and each run
 * costs more as tasks and mail pile up: a month of the demo takes about 2 s, a year about 6 minutes.
 */
export const MAX_CLOCK_STEP_DAYS = 31;

/** What the page may ask of the clock: a day to make today, or a number of days to move. */
export type ClockRequest = { today?: unknown; days?: unknown };

/** Calls on these classes can change what the saved file holds. */
const WORKBOOK_CLASSES = new Set(['Spreadsheet', 'Sheet', 'Range', 'RangeList', 'Protection']);
/** Calls on them that only read, or move the selection, which the file does not keep. */
const READ_ONLY_CALL = /^(get|is|has|can)[A-Z]|^(activate|setActiveRange|setActiveSheet|toast|offset)$/;

/**
 * Which global function runs each scheduled job. Found the way an office would find out: turn
 * automation on in a scratch workbook and look at the triggers it installs.
 */
export function discoverJobs(): { kind: JobKind; trigger: TriggerRecord }[] {
  const toggle = menuFunction('toggleAutomation');
  if (!toggle) return [];
  const bundle = loadBundle(createEmulator());
  bundle.open('FULL');
  runMenuKey(bundle, 'setup');
  bundle.call(toggle);
  const jobs: { kind: JobKind; trigger: TriggerRecord }[] = [];
  for (const trigger of bundle.emu.triggers.list()) {
    const kind = trigger.schedule && JOB_KINDS[trigger.schedule.kind];
    if (kind && !jobs.some((j) => j.kind === kind)) jobs.push({ kind, trigger });
  }
  return jobs;
}

function errorMessage(error: unknown): string {
  // Errors thrown inside the vm come from another realm: read the message, do not test instanceof.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

export class Playground {
  readonly emu;
  readonly jobs = discoverJobs();
  /** Everything shown so far, oldest first. */
  readonly log: Shown[] = [];
  /** Bumped by every action, so the page knows when to redraw (the sidebar acts on its own too). */
  version = 0;

  constructor(readonly bundle: Bundle) {
    this.emu = bundle.emu;
  }

  static create(now?: string): Playground {
    const emu = createEmulator({
      activeUser: PLAYGROUND_USER,
      spreadsheetName: '后勤管理',
      ...(now ? { now } : {}),
    });
    const bundle = loadBundle(emu);
    bundle.open('FULL');
    return new Playground(bundle);
  }

  get timeZone(): string {
    return this.emu.spreadsheet.getSpreadsheetTimeZone();
  }

  /** The workbook's interface language (Settings sheet), as the add-on reads it. */
  lang(): Lang {
    const sheet = this.emu.spreadsheet.getSheets().find((s) => sheetKeyOf(s.getName()) === 'settings');
    return sheet ? parseSettings(sheet.getDataRange().getValues()).settings.language : DEFAULT_LANG;
  }

  /**
   * How many calls so far could have changed the workbook. Saving compares it before and after a
   * run: a run that only read (the sidebar loading its data) leaves the file alone.
   */
  workbookChanges(): number {
    let changes = 0;
    for (const [name, count] of Object.entries(this.emu.calls.snapshot())) {
      const [service = '', method = ''] = name.split('.');
      if (WORKBOOK_CLASSES.has(service) && !READ_ONLY_CALL.test(method)) changes += count;
    }
    return changes;
  }

  /** Whether any sheet of the workbook is one of Houqin's. */
  isSetUp(): boolean {
    return this.emu.spreadsheet.getSheets().some((s) => sheetKeyOf(s.getName()) !== undefined);
  }

  /** Runs `action` and collects what it showed, labelled with `source`. */
  private capture(source: string, action: () => void): Shown[] {
    const ui = this.emu.ui;
    const from = {
      alerts: ui.alerts.length,
      prompts: ui.prompts.length,
      toasts: ui.toasts.length,
      dialogs: ui.dialogs.length,
      sidebars: ui.sidebars.length,
    };
    const shown: Shown[] = [];
    try {
      action();
    } catch (error) {
      shown.push({ kind: 'error', title: source, text: errorMessage(error), source });
    }
    for (const a of ui.alerts.slice(from.alerts))
      shown.push({ kind: 'alert', title: a.title ?? '', text: a.prompt, source });
    for (const t of ui.toasts.slice(from.toasts))
      shown.push({ kind: 'toast', title: t.title ?? '', text: t.msg, source });
    // A dialog's page may call google.script.run like the sidebar does: give it the same bridge.
    for (const d of ui.dialogs.slice(from.dialogs))
      shown.push({ kind: 'dialog', title: d.title, text: '', html: serveSidebarHtml(d.html), source });
    for (const s of ui.sidebars.slice(from.sidebars))
      shown.push({ kind: 'sidebar', title: s.title, text: '', source });
    this.log.push(...shown);
    this.version += 1;
    return shown;
  }

  /**
   * Clicks a menu item. Prompts are answered from `answers` in order; when the item asks more
   * than it was given, the emulator answers Cancel (the add-on does nothing on Cancel) and the
   * page is told to ask the person and run the item again.
   */
  runMenu(functionName: string, answers: (string | null)[] = []): ActionResult {
    const item = this.emu.ui.allMenuItems().find((i) => i.functionName === functionName);
    if (!item) throw new Error(`no menu item runs ${functionName}`);
    const caption = item.path[item.path.length - 1]!;
    this.emu.ui.answerPrompts(
      ...answers.map((text) =>
        text === null ? { button: 'CANCEL' as const } : { button: 'OK' as const, text },
      ),
    );
    const asked = this.emu.ui.prompts.length;
    const shown = this.capture(caption, () => this.bundle.call(functionName));
    const prompts = this.emu.ui.prompts.slice(asked);
    if (prompts.length > answers.length) {
      const p = prompts[answers.length]!;
      return { shown, ask: { title: p.title ?? caption, prompt: p.prompt } };
    }
    return { shown };
  }

  /**
   * Runs a handler as a time-driven trigger does: FULL auth, no active user, no UI (getUi()
   * throws), the trigger's event object.
   */
  private runAsTrigger(trigger: TriggerRecord, at: Date, source: string): Shown[] {
    return this.capture(source, () => {
      this.emu.setActiveUser('');
      this.emu.setUiAvailable(false);
      try {
        this.bundle.call(trigger.handlerFunction, [this.emu.triggers.clockEvent(trigger, at)], 'FULL');
      } finally {
        this.emu.setActiveUser(PLAYGROUND_USER);
        this.emu.setUiAvailable(true);
      }
    });
  }

  jobLabel(kind: JobKind): string {
    return playgroundText(this.lang()).jobKinds[kind];
  }

  /** Runs one scheduled job now, as its trigger would. */
  runJob(kind: JobKind): ActionResult {
    const job = this.jobs.find((j) => j.kind === kind);
    if (!job) throw new Error(`this build has no ${kind} job`);
    return { shown: this.runAsTrigger(job.trigger, this.emu.clock.now(), this.jobLabel(kind)) };
  }

  /**
   * Moves the clock to `to`. Going forward, every installed trigger due on the way fires in
   * order, each at its own time; going back fires nothing (time-driven triggers never look back).
   */
  moveClock(to: Date): ActionResult & { fired: string[] } {
    const from = this.emu.clock.now();
    const shown: Shown[] = [];
    const fired: string[] = [];
    if (to.getTime() > from.getTime()) {
      for (const due of this.emu.triggers.due(from, to)) {
        this.emu.clock.set(due.at);
        const kind = due.schedule && JOB_KINDS[due.schedule.kind];
        const label = kind ? this.jobLabel(kind) : due.handlerFunction;
        fired.push(`${label} ${dayOf(due.at, this.timeZone)}`);
        shown.push(...this.runAsTrigger(due, due.at, label));
      }
    }
    this.emu.clock.set(to);
    this.version += 1;
    return { shown, fired };
  }

  /** Today's date in the school's time zone. */
  today(): Day {
    return dayOf(this.emu.clock.now(), this.timeZone);
  }

  /** "Today" becomes `day`, keeping the time of day (08:00 at the start). */
  setToday(day: Day): ActionResult & { fired: string[] } {
    const now = this.emu.clock.now();
    const sinceMidnight = now.getTime() - instantOf(this.today(), this.timeZone).getTime();
    return this.moveClock(new Date(instantOf(day, this.timeZone).getTime() + sinceMidnight));
  }

  advanceDays(days: number): ActionResult & { fired: string[] } {
    return this.setToday(addDays(this.today(), days));
  }

  /**
   * The day a clock request names, or why it cannot be used (in the workbook's language): a real
   * yyyy-MM-dd day within CLOCK_WINDOW, at most MAX_CLOCK_STEP_DAYS ahead of today.
   */
  clockTarget(request: ClockRequest): { day: Day } | { refused: string } {
    const text = playgroundText(this.lang());
    const today = this.today();
    let day: Day;
    if (typeof request.today === 'string') {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(request.today);
      if (!m || !isValidDay(Number(m[1]), Number(m[2]), Number(m[3])))
        return { refused: fill(text.clockBadDay, { text: request.today.slice(0, 40) }) };
      day = request.today;
    } else if (typeof request.days === 'number' && Number.isInteger(request.days)) {
      // So many days leave the window whichever way they point; addDays would overflow a Date.
      if (Math.abs(request.days) > daysBetween(CLOCK_WINDOW.from, CLOCK_WINDOW.to))
        return { refused: fill(text.clockOutOfRange, CLOCK_WINDOW) };
      day = addDays(today, request.days);
    } else return { refused: text.clockExpected };
    if (day < CLOCK_WINDOW.from || day > CLOCK_WINDOW.to)
      return { refused: fill(text.clockOutOfRange, CLOCK_WINDOW) };
    if (daysBetween(today, day) > MAX_CLOCK_STEP_DAYS)
      return { refused: fill(text.clockTooFar, { max: MAX_CLOCK_STEP_DAYS }) };
    return { day };
  }

  /** Everything the page draws. */
  view(): PlaygroundView {
    const lang = this.lang();
    return {
      lang,
      text: playgroundText(lang),
      version: this.version,
      today: this.today(),
      now: this.emu.clock.now().toISOString(),
      timeZone: this.timeZone,
      setUp: this.isSetUp(),
      setupFunction: menuFunction('setup') ?? '',
      menu: this.emu.ui
        .allMenuItems()
        .map((i) => ({ caption: i.path.slice(1).join(' › '), functionName: i.functionName })),
      automationItem: this.automationCaption(),
      sheets: workbookView(this.emu.spreadsheet),
      outbox: this.emu.mail.outbox.map((m) => ({
        to: m.to,
        cc: m.cc ?? '',
        subject: m.subject,
        body: m.body,
        htmlBody: m.htmlBody ?? '',
        sentAt: m.sentAt.toISOString(),
        // A PDF made from HTML (the monthly safety report) is shown as the page it was printed from.
        attachments: (m.attachments ?? []).map((a) => ({ name: a.name, html: a.html ?? '' })),
      })),
      log: this.log,
      jobs: this.jobs.map((j) => ({ kind: j.kind, label: this.jobLabel(j.kind) })),
      triggers: this.emu.triggers.list().length,
    };
  }

  private automationCaption(): string {
    const name = menuFunction('toggleAutomation');
    return (
      this.emu.ui
        .allMenuItems()
        .find((i) => i.functionName === name)
        ?.path.at(-1) ?? ''
    );
  }
}

export interface PlaygroundView {
  lang: Lang;
  text: PlaygroundText;
  version: number;
  today: Day;
  now: string;
  timeZone: string;
  setUp: boolean;
  setupFunction: string;
  menu: { caption: string; functionName: string }[];
  automationItem: string;
  sheets: SheetView[];
  outbox: {
    to: string;
    cc: string;
    subject: string;
    body: string;
    htmlBody: string;
    sentAt: string;
    attachments: { name: string; html: string }[];
  }[];
  log: Shown[];
  jobs: { kind: JobKind; label: string }[];
  triggers: number;
}
