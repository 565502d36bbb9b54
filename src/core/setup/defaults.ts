import { messages } from '../i18n';
import type { Lang } from '../lang';
import { enumLabel } from '../table/labels';
import type { CellValue } from '../table/mapping';
import { instantOf } from '../time';
import { SETTING_DEFS } from '../settings/schema';
import type { EnumValue } from '../sheets';

type When = 'everyMonth' | 'termStart' | 'termEnd' | 'beforeHoliday' | string;

/**
 * The default work calendar, drawn from the school work plans the office follows. `when` is a
 * phrase key or a month list ('8', '11,12'); `day` a day of month or { week } of month.
 */
const CALENDAR: readonly {
  id: keyof ReturnType<typeof messages>['defaults']['calendar'];
  when: When;
  day?: number | { week: number };
  role: EnumValue<'role'>;
}[] = [
  { id: 'augCampusClean', when: '8', day: 20, role: 'canteen_manager' },
  { id: 'augUtilities', when: '8', day: 20, role: 'electrician' },
  { id: 'augWeeding', when: '8', day: 22, role: 'cleaner' },
  { id: 'augFoodSafetyMeeting', when: '8', day: 25, role: 'canteen_manager' },
  { id: 'augClassEquipment', when: '8', day: 25, role: 'head' },
  { id: 'augDesks', when: '8', day: 27, role: 'head' },
  { id: 'augWaterMachines', when: '8', day: 28, role: 'electrician' },
  { id: 'termSafetyInspection', when: 'termStart', role: 'head' },
  { id: 'termSupplies', when: 'termStart', role: 'storekeeper' },
  { id: 'termDesks', when: 'termStart', role: 'head' },
  { id: 'termCleaningAreas', when: 'termStart', role: 'head' },
  { id: 'termFees', when: 'termStart', role: 'accountant' },
  { id: 'termSafetyLetters', when: 'termStart', role: 'head' },
  { id: 'termClassProperty', when: 'termStart', role: 'storekeeper' },
  { id: 'monthMeeting', when: 'everyMonth', day: { week: 1 }, role: 'head' },
  { id: 'monthCanteen', when: 'everyMonth', day: 10, role: 'canteen_manager' },
  { id: 'monthMaintenance', when: 'everyMonth', day: 15, role: 'electrician' },
  { id: 'monthSafety', when: 'everyMonth', day: 20, role: 'head' },
  { id: 'monthAttendance', when: 'everyMonth', day: 28, role: 'head' },
  { id: 'winterSecurity', when: '11', day: 10, role: 'head' },
  { id: 'winterAssets', when: '11,12,1', day: 15, role: 'storekeeper' },
  { id: 'winterCanteenCheck', when: '11,12', day: 18, role: 'head' },
  { id: 'winterClassProperty', when: '12', day: 20, role: 'storekeeper' },
  { id: 'holidayDoors', when: 'beforeHoliday', role: 'guard' },
  { id: 'endPropertyCheck', when: 'termEnd', role: 'storekeeper' },
  { id: 'endAgencyFees', when: 'termEnd', role: 'accountant' },
  { id: 'endEquipmentReturn', when: 'termEnd', role: 'storekeeper' },
  { id: 'endHolidayRoster', when: 'termEnd', role: 'head' },
  { id: 'endSummary', when: 'termEnd', role: 'head' },
  { id: 'endArchive', when: 'termEnd', role: 'head' },
];

/** An example school year the office replaces with its bureau's calendar. */
const SCHOOL_YEAR: readonly {
  id: keyof ReturnType<typeof messages>['defaults']['schoolYear'];
  type: EnumValue<'schoolYearEntry'>;
  start: string;
  end: string;
}[] = [
  { id: 'term1', type: 'term', start: '2026-09-01', end: '2027-01-22' },
  { id: 'nationalDay', type: 'holiday', start: '2026-10-01', end: '2026-10-07' },
  { id: 'nationalDayMakeup', type: 'makeup_workday', start: '2026-10-10', end: '2026-10-10' },
  { id: 'newYear', type: 'holiday', start: '2027-01-01', end: '2027-01-01' },
  { id: 'winter', type: 'holiday', start: '2027-01-23', end: '2027-02-21' },
  { id: 'term2', type: 'term', start: '2027-02-22', end: '2027-07-02' },
  { id: 'qingming', type: 'holiday', start: '2027-04-05', end: '2027-04-05' },
  { id: 'labourDay', type: 'holiday', start: '2027-05-01', end: '2027-05-05' },
  { id: 'summer', type: 'holiday', start: '2027-07-03', end: '2027-08-31' },
];

export type DefaultRow = Record<string, CellValue>;

export function defaultCalendarRows(lang: Lang): DefaultRow[] {
  const m = messages(lang);
  return CALENDAR.map((entry) => {
    const when = entry.when in m.calendarWhen ? m.calendarWhen[entry.when as 'everyMonth'] : entry.when;
    const day =
      entry.day === undefined
        ? ''
        : typeof entry.day === 'number'
          ? entry.day
          : m.calendarWhen.week.replace('{n}', String(entry.day.week));
    return {
      when,
      day,
      title: m.defaults.calendar[entry.id],
      role: enumLabel(lang, 'role', entry.role),
      active: true,
    };
  });
}

export function defaultSchoolYearRows(lang: Lang, timeZone: string): DefaultRow[] {
  const m = messages(lang);
  return SCHOOL_YEAR.map((entry) => ({
    type: enumLabel(lang, 'schoolYearEntry', entry.type),
    name: m.defaults.schoolYear[entry.id],
    start: instantOf(entry.start, timeZone),
    end: instantOf(entry.end, timeZone),
    note: m.defaults.schoolYear.sampleNote,
  }));
}

export function settingRow(lang: Lang, key: (typeof SETTING_DEFS)[number]['key']): DefaultRow {
  const def = SETTING_DEFS.find((d) => d.key === key)!;
  const text = messages(lang).settings[key];
  const value = def.kind === 'language' ? enumLabel(lang, 'language', lang) : def.default;
  return { setting: text.label, value, help: text.help };
}
