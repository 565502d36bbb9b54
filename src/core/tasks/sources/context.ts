import type { SchoolCalendar } from '../../calendar';
import type { Lang } from '../../lang';
import type { Settings } from '../../settings/schema';
import type { Day } from '../../time';
import type { Assigner } from '../assign';
import { taskKey, type PlannedTask, type TaskSource } from '../model';
import type { Month } from '../month';

/** What every source needs to plan a month. */
export interface PlanContext {
  readonly month: Month;
  readonly from: Day;
  readonly to: Day;
  readonly lang: Lang;
  readonly timeZone: string;
  readonly calendar: SchoolCalendar;
  readonly assign: Assigner;
  readonly settings: Pick<Settings, 'expiryLeadDays' | 'repairHours' | 'contractorHours'>;
}

export function planned(
  source: TaskSource,
  ref: string,
  dueDate: Day,
  title: string,
  who: { assignee: string; flag: string },
): PlannedTask {
  return { key: taskKey(source, ref, dueDate), source, ref, dueDate, title, ...who };
}
