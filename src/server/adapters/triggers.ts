/**
 * Houqin's scheduled jobs. A job works on the active spreadsheet (see scheduled() in runners.ts);
 * each trigger is still linked to its workbook (user properties: trigger id → spreadsheet id) so
 * that turning automation off in one workbook removes only that workbook's Houqin triggers, should
 * the same project run in several (an add-on).
 */
export const JOBS = [
  { handler: 'onDailyTrigger', kind: 'daily', hour: 7, minute: 0 },
  { handler: 'onWeeklyTrigger', kind: 'weekly', hour: 7, minute: 30 },
  { handler: 'onMonthlyTrigger', kind: 'monthly', hour: 6, minute: 0 },
] as const;

const HANDLERS = new Set<string>(JOBS.map((j) => j.handler));
const PREFIX = 'houqin.trigger.';

function userProps() {
  return PropertiesService.getUserProperties();
}

/** Houqin's triggers for this spreadsheet (and any of ours not linked to a workbook at all). */
function ownTriggers(spreadsheetId: string): GoogleAppsScript.Script.Trigger[] {
  const props = userProps();
  return ScriptApp.getProjectTriggers().filter((t) => {
    if (!HANDLERS.has(t.getHandlerFunction())) return false;
    const linked = props.getProperty(PREFIX + t.getUniqueId());
    return linked === null || linked === spreadsheetId;
  });
}

/** Creates the jobs that are missing (running it twice creates nothing new); returns how many exist. */
export function installAutomation(spreadsheetId: string, timeZone: string): number {
  const existing = new Set(ownTriggers(spreadsheetId).map((t) => t.getHandlerFunction()));
  const props = userProps();
  for (const job of JOBS) {
    if (existing.has(job.handler)) continue;
    let builder = ScriptApp.newTrigger(job.handler).timeBased().inTimezone(timeZone);
    if (job.kind === 'weekly') builder = builder.onWeekDay(ScriptApp.WeekDay.MONDAY);
    else if (job.kind === 'monthly') builder = builder.onMonthDay(1);
    else builder = builder.everyDays(1);
    const trigger = builder.atHour(job.hour).nearMinute(job.minute).create();
    props.setProperty(PREFIX + trigger.getUniqueId(), spreadsheetId);
  }
  return JOBS.length;
}

/** Deletes this workbook's Houqin triggers, leaving every other trigger alone; returns how many. */
export function removeAutomation(spreadsheetId: string): number {
  const props = userProps();
  const mine = ownTriggers(spreadsheetId);
  for (const t of mine) {
    props.deleteProperty(PREFIX + t.getUniqueId());
    ScriptApp.deleteTrigger(t);
  }
  return mine.length;
}

export function automationInstalled(spreadsheetId: string): boolean {
  return ownTriggers(spreadsheetId).length > 0;
}
