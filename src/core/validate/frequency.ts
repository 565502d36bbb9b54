import { foldWidth } from '../table/cells';

/**
 * The ways the office writes how often an inspection recurs: 每天, 每周五, 每两周, 每月15日, 每季度,
 * 每学期初/中/末, 每学年, 每年3月 — or in English (daily, weekly on Friday, monthly on the 15th, every term).
 * Only the shape is checked here; the schedule itself is worked out by the calendar.
 */
const PATTERNS: readonly RegExp[] = [
  /^(每天|每日|每个?工作日|daily|every\s*(school\s*)?day|each\s*day)$/,
  /^(每|每隔)?[一两二三四1-4]?(周|星期|礼拜)([一二三四五六日天1-7]([、,，和及]?[一二三四五六日天1-7])*)?$/,
  /^每(周|星期|礼拜)(周|星期)?[一二三四五六日天1-7]([、,，和及]?(周|星期)?[一二三四五六日天1-7])*$/,
  /^(weekly|every\s*(other\s*)?week)(\s*on)?(\s*(mon|tues|wednes|thurs|fri|satur|sun)day)*$/,
  /^every\s*(mon|tues|wednes|thurs|fri|satur|sun)day$/,
  /^每(个)?月(\d{1,2}[日号]?([、,，和及]\d{1,2}[日号]?)*|第[一二三四1-4]周|(月)?[初中底末])?$/,
  /^(monthly|every\s*month)(\s*on\s*(the\s*)?\d{1,2}(st|nd|rd|th)?)?$/,
  /^每(个)?季度?$/,
  /^(quarterly|every\s*quarter)$/,
  /^每(个)?学期(初|中|末|开学|期中|期末|两次)?$/,
  /^(every\s*term|termly|each\s*term)(\s*(start|middle|end))?$/,
  /^(每学年|每年(\d{1,2}月(\d{1,2}[日号])?)?)$/,
  /^(yearly|annually|every\s*year)$/,
];

export function isFrequency(value: string): boolean {
  const t = foldWidth(value).toLowerCase().replace(/\s+/g, ' ');
  return PATTERNS.some((p) => p.test(t));
}
