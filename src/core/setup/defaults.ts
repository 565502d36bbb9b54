import { messages } from '../i18n';
import type { Lang } from '../lang';
import { enumLabel } from '../table/labels';
import type { CellValue } from '../table/mapping';
import { instantOf } from '../time';
import { SETTING_DEFS } from '../settings/schema';
import type { EnumValue } from '../sheets';

type When = 'everyMonth' | 'termStart' | 'termMid' | 'termEnd' | 'beforeHoliday' | 'weeklyFriday' | string;
type Catalogue = ReturnType<typeof messages>;
type CalendarId = keyof Catalogue['defaults']['calendar'] | keyof Catalogue['routines']['calendar'];

/**
 * The default work calendar, drawn from the school work plans the office follows. `when` is a
 * phrase key or a month list ('8', '11,12'); `day` a day of month or { week } of month. Class
 * property registration and hand-back and the holiday duty rosters are not here: the term source
 * plans them (one task per custodian, a roster a week before each holiday).
 */
const CALENDAR: readonly {
  id: CalendarId;
  when: When;
  day?: number | { week: number };
  role: EnumValue<'role'>;
  /** false: shipped switched off, for the office to turn on. */
  active?: boolean;
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
  { id: 'incidentRule', when: 'termStart', role: 'canteen_manager' },
  { id: 'termMidProperty', when: 'termMid', role: 'storekeeper', active: false },
  { id: 'weeklyMenu', when: 'weeklyFriday', role: 'canteen_manager' },
  { id: 'monthMeeting', when: 'everyMonth', day: { week: 1 }, role: 'head' },
  { id: 'monthCanteen', when: 'everyMonth', day: 10, role: 'canteen_manager' },
  { id: 'monthMaintenance', when: 'everyMonth', day: 15, role: 'electrician' },
  { id: 'monthSafety', when: 'everyMonth', day: 20, role: 'head' },
  { id: 'monthAttendance', when: 'everyMonth', day: 28, role: 'head' },
  { id: 'canteenTraining', when: 'everyMonth', day: { week: 2 }, role: 'canteen_manager' },
  // One fire evacuation drill a term, on set dates the office adjusts to its own plan.
  { id: 'fireDrill', when: '9,3', day: { week: 3 }, role: 'head' },
  // Two canteen open days a term.
  { id: 'canteenOpenDay', when: '10,12,4,6', day: { week: 4 }, role: 'canteen_manager' },
  { id: 'winterSecurity', when: '11', day: 10, role: 'head' },
  { id: 'winterAssets', when: '11,12,1', day: 15, role: 'storekeeper' },
  { id: 'winterCanteenCheck', when: '11,12', day: 18, role: 'head' },
  { id: 'winterClassProperty', when: '12', day: 20, role: 'storekeeper' },
  // The year-end stocktake (账物相符): the menu's 开始盘点 makes the count sheet.
  { id: 'yearEndStocktake', when: '12', day: 22, role: 'storekeeper' },
  { id: 'holidayDoors', when: 'beforeHoliday', role: 'guard' },
  { id: 'endAgencyFees', when: 'termEnd', role: 'accountant' },
  { id: 'endEquipmentReturn', when: 'termEnd', role: 'storekeeper' },
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
  const titles: Record<CalendarId, string> = { ...m.defaults.calendar, ...m.routines.calendar };
  return CALENDAR.map((entry) => {
    const when =
      entry.when === 'weeklyFriday'
        ? m.routines.weeklyFriday
        : entry.when in m.calendarWhen
          ? m.calendarWhen[entry.when as 'everyMonth']
          : entry.when;
    const day =
      entry.day === undefined
        ? ''
        : typeof entry.day === 'number'
          ? entry.day
          : m.calendarWhen.week.replace('{n}', String(entry.day.week));
    return {
      when,
      day,
      title: titles[entry.id],
      role: enumLabel(lang, 'role', entry.role),
      active: entry.active ?? true,
    };
  });
}

/** The inspections the plans name, by role (the office adds people and switches rows off). */
const SCHEDULES: readonly {
  id: string;
  key: keyof Catalogue['routines']['schedules'];
  role: EnumValue<'role'>;
}[] = [
  { id: 'AQ01', key: 'campus', role: 'head' },
  { id: 'AQ02', key: 'wiring', role: 'electrician' },
  { id: 'AQ03', key: 'fire', role: 'electrician' },
  { id: 'AQ04', key: 'dorm', role: 'dorm_keeper' },
  { id: 'AQ05', key: 'canteen', role: 'canteen_manager' },
  { id: 'AQ06', key: 'water', role: 'electrician' },
  { id: 'AQ07', key: 'shop', role: 'head' },
  { id: 'AQ08', key: 'sports', role: 'teacher' },
  { id: 'AQ09', key: 'stairs', role: 'head' },
];

export function defaultScheduleRows(lang: Lang): DefaultRow[] {
  const m = messages(lang).routines.schedules;
  return SCHEDULES.map(({ id, key, role }) => ({
    scheduleId: id,
    item: m[key].item,
    location: m[key].location,
    frequency: m[key].frequency,
    role: enumLabel(lang, 'role', role),
    active: true,
  }));
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
