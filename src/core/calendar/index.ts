/** The school's calendar and the recurrence rules that schedules, tasks and alerts share. */
export {
  schoolCalendarFrom,
  isSchoolDay,
  isHoliday,
  termOf,
  firstSchoolDay,
  lastSchoolDay,
  termPhaseDay,
  nearestWorkingDay,
  type SchoolCalendar,
  type Period,
  type CalendarProblem,
  type TermPhase,
} from './year';
export { parseFrequency, type Frequency, type FrequencyError, type FrequencyResult } from './frequency';
export { occurrences, nextDue, monthsBetween, clampedDay } from './recurrence';
export {
  parseCalendarWhen,
  parseCalendarDay,
  calendarDates,
  holidayEve,
  type CalendarRowOptions,
  type CalendarWhen,
  type CalendarDay,
} from './workCalendar';
