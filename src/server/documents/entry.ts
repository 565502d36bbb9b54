import { messages } from '../../core/i18n';
import * as alerts from '../alerts/entry';
import type { MenuAction, ScheduledJob } from '../runners';
import * as tasks from '../tasks/entry';
import { sendSafetyReport } from './safety';

export { safetyPreview } from './safety';
export { handoverPrint, handoverRecord, openHandover, recordHandover } from './handover';
export { stocktakeApprove, stocktakePrint, stocktakeStart, stocktakeStep } from './stocktake';
export { agencyStatement, feeAccounts, feeNotice } from './fees';
export { damagePrint } from './damage';
export { documentPdf, emailDocumentPdf } from './pdf-api';

/** 发送上月安全月报: sends last month's report now, to whoever has not had it yet. */
export const safetySendNow: MenuAction = {
  title: (lang) => messages(lang).documents.safety.dialogTitle,
  lock: true,
  run: (workbook, now) => sendSafetyReport(workbook, now) ?? undefined,
};

/** Runs every part, then rethrows the first failure so the execution is recorded as failed. */
function all(...parts: (() => unknown)[]): void {
  let failure: { error: unknown } | undefined;
  for (const part of parts) {
    try {
      part();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/**
 * The monthly job (1st of the month, 06:00 school time): this month's tasks, then last month's
 * safety report to the bureau (recorded in Settings, 安全月报上次发送); one failing does not stop
 * the other.
 */
export const monthlyJob: ScheduledJob = {
  ...tasks.monthlyJob,
  run: (workbook, now) =>
    all(
      () => tasks.monthlyJob.run(workbook, now),
      () => sendSafetyReport(workbook, now),
    ),
};

/** The daily job: the overdue alerts, then a safety report still waiting for quota, if any. */
export const dailyJob: ScheduledJob = {
  ...alerts.dailyJob,
  run: (workbook, now) =>
    all(
      () => alerts.dailyJob.run(workbook, now),
      () => sendSafetyReport(workbook, now, true),
    ),
};
