export { readLog } from './log';
export { planAlerts, sortLines } from './plan';
export { logChanges, type LogChanges } from './reconcile';
export { renderAlert, type Mail, type RenderContext } from './render';
export { rowLink, sheetLink, type WorkbookLinks } from './links';
export type { Line, LogEntry, Message, Outcome } from './types';
