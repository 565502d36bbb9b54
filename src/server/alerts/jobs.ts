import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { automationInstalled, installAutomation, JOBS, removeAutomation } from '../adapters/triggers';
import type { Workbook } from '../adapters/workbook';
import { recordStatus, stamp } from './status';

const time = (hour: number, minute: number) =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** Turns automation on (creating only missing triggers) or off (removing only Houqin's); returns the message. */
export function toggleAutomation(workbook: Workbook, now: Date): { lang: Lang; text: string } {
  const lang = workbook.settings().settings.language;
  const m = messages(lang).alerts.automation;
  const id = workbook.spreadsheet.getId();
  const tz = workbook.timeZone;
  if (automationInstalled(id)) {
    const count = removeAutomation(id);
    recordStatus(workbook, 'automation', fill(m.statusOff, { time: stamp(now, tz) }), lang);
    return { lang, text: fill(m.off, { count }) };
  }
  installAutomation(id, tz);
  recordStatus(workbook, 'automation', fill(m.statusOn, { time: stamp(now, tz) }), lang);
  const [daily, weekly, monthly] = JOBS.map((j) => time(j.hour, j.minute));
  return { lang, text: fill(m.on, { daily: daily!, weekly: weekly!, monthly: monthly! }) };
}
