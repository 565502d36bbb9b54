import { periodFigures, sampleDays, type WeekFigures } from '../figures';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { day, instant, num, str, typedRecords, type TypedRecord } from '../table/record';
import type { OverdueInput } from '../overdue/types';
import type { Settings } from '../settings/schema';
import { ENUMS } from '../sheets';
import { enumLabel } from '../table/labels';
import { firstDay, lastDay, monthId, type Month } from '../tasks/month';
import { dayParts, daysBetween, dayOf, type Day } from '../time';
import type { Cell, DocumentModel, Section } from './model';
import { zhOrder } from '../order';

/**
 * A drill or training as the report needs it. The rows of the 演练培训 sheet (key `drills`: date,
 * kind ∈ drill | training | openDay | other, topic, organiser, participants, note) map onto this
 * one to one; the report takes a plain list so it does not depend on that sheet's declaration.
 */
export interface DrillRecord {
  readonly date: Day;
  readonly kind: string;
  readonly topic: string;
  readonly participants: number | null;
}

/** The sheets the safety report reads, each once. */
export const SAFETY_SHEETS = [
  'repairs',
  'inspectionSchedules',
  'inspectionResults',
  'tasks',
  'canteenSamples',
  'feePayments',
  'stockItems',
  'stockMovements',
  'drills',
] as const;

/** The drills and trainings held, from the rows of the 演练培训记录 sheet (those with a date). */
export function drillsOf(records: readonly TypedRecord[]): DrillRecord[] {
  return records.flatMap(({ v }) => {
    const date = day(v.date);
    return date ? [{ date, kind: str(v.kind), topic: str(v.topic), participants: num(v.participants) }] : [];
  });
}

export interface HazardLine {
  readonly row: number;
  readonly found: Day;
  readonly location: string;
  readonly finding: string;
  readonly deadline: Day | null;
  readonly person: string;
  readonly fixed: Day | null;
}

/** The month's numbers, each counted once; the document and the e-mail both show these. */
export interface SafetyReport {
  readonly month: Month;
  readonly from: Day;
  readonly to: Day;
  /** The shared figures for the month (src/core/figures): the digest counts the same way. */
  readonly figures: WeekFigures;
  /** Inspection tasks due in the month, per inspection (the schedule's item), planned and done. */
  readonly inspections: readonly { readonly kind: string; readonly planned: number; readonly done: number }[];
  /** Inspection records (passes and hazards) dated in the month. */
  readonly records: number;
  /** Hazards found in the month, oldest first. */
  readonly found: readonly HazardLine[];
  readonly fixedOnTime: number;
  readonly fixedLate: number;
  /** Hazards open at the month's end, found this month or before, oldest first. */
  readonly openAtEnd: readonly HazardLine[];
  readonly drills: readonly DrillRecord[];
  readonly samples: { readonly days: number; readonly okDays: number; readonly badDays: readonly Day[] };
  /** Repairs reported in the month per cause ('' = not given), and those fixed in the month. */
  readonly repairs: readonly { readonly cause: string; readonly reported: number; readonly fixed: number }[];
  /** Nothing at all was recorded for the month: the report says so instead of showing zeros. */
  readonly empty: boolean;
}

const byFound = (a: HazardLine, b: HazardLine) =>
  a.found < b.found ? -1 : a.found > b.found ? 1 : a.row - b.row;

/** Builds the month's safety report from the sheets as read (each typed once). Pure. */
export function buildSafetyReport(
  input: OverdueInput,
  drills: readonly DrillRecord[],
  month: Month,
  settings: Pick<Settings, 'repairHours' | 'contractorHours' | 'sampleHours' | 'sampleGrams'>,
): SafetyReport {
  const tz = input.timeZone;
  const from = firstDay(month);
  const to = lastDay(month);
  const inMonth = (d: Day | null): d is Day => d !== null && d >= from && d <= to;
  const read = (key: (typeof SAFETY_SHEETS)[number]) => typedRecords(input.tables[key], tz);
  const [figures] = periodFigures(input, [{ from, to }], settings);

  const items = new Map<string, string>();
  for (const { v } of read('inspectionSchedules')) {
    const id = str(v.scheduleId);
    if (id) items.set(id, str(v.item));
  }
  const kinds = new Map<string, { planned: number; done: number }>();
  for (const { v } of read('tasks')) {
    // The same tasks periodFigures counts as inspections planned and done.
    if (v.source !== 'inspection' || v.status === 'source_removed' || !inMonth(day(v.dueDate))) continue;
    const ref = str(v.ref);
    const kind = items.get(ref) || ref || str(v.title);
    const k = kinds.get(kind) ?? { planned: 0, done: 0 };
    k.planned += 1;
    if (v.status === 'done') k.done += 1;
    kinds.set(kind, k);
  }

  let records = 0;
  const found: HazardLine[] = [];
  const openAtEnd: HazardLine[] = [];
  for (const { row, v } of read('inspectionResults')) {
    const date = day(v.date);
    if (inMonth(date)) records += 1;
    if (v.result !== 'hazard' || !date) continue;
    const line: HazardLine = {
      row,
      found: date,
      location: str(v.location),
      finding: str(v.finding),
      deadline: day(v.fixDeadline),
      person: str(v.responsible),
      fixed: day(v.fixedDate),
    };
    if (inMonth(date)) found.push(line);
    if (date <= to && (line.fixed === null || line.fixed > to)) openAtEnd.push(line);
  }
  found.sort(byFound);
  openAtEnd.sort(byFound);
  const fixedInTime = (h: HazardLine) => h.fixed !== null && (h.deadline === null || h.fixed <= h.deadline);
  const fixedOnTime = found.filter((h) => h.fixed !== null && h.fixed <= to && fixedInTime(h)).length;
  const fixedLate = found.filter((h) => h.fixed !== null && h.fixed <= to && !fixedInTime(h)).length;

  const causes = new Map<string, { reported: number; fixed: number }>(
    [...ENUMS.damageCause, ''].map((c) => [c, { reported: 0, fixed: 0 }]),
  );
  for (const { v } of read('repairs')) {
    const reported = instant(v.reportedAt);
    const completed = instant(v.completedAt);
    const cause = typeof v.cause === 'string' && causes.has(v.cause) ? v.cause : '';
    const c = causes.get(cause)!;
    if (reported && inMonth(dayOf(reported, tz))) c.reported += 1;
    if (completed && v.status !== 'cancelled' && inMonth(dayOf(completed, tz))) c.fixed += 1;
  }
  const repairs = [...causes].filter(([, c]) => c.reported || c.fixed).map(([cause, c]) => ({ cause, ...c }));

  const monthDrills = drills
    .filter((d) => inMonth(d.date))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const sampled = sampleDays(input, from, to, settings);
  const badDays = [...sampled]
    .filter(([, ok]) => !ok)
    .map(([d]) => d)
    .sort();
  const empty =
    !figures!.inspectionsPlanned &&
    !records &&
    !openAtEnd.length &&
    !monthDrills.length &&
    !sampled.size &&
    !repairs.length;
  return {
    month,
    from,
    to,
    figures: figures!,
    inspections: [...kinds].map(([kind, k]) => ({ kind, ...k })).sort((a, b) => zhOrder(a.kind, b.kind)),
    records,
    found,
    fixedOnTime,
    fixedLate,
    openAtEnd,
    drills: monthDrills,
    samples: { days: sampled.size, okDays: sampled.size - badDays.length, badDays },
    repairs,
    empty,
  };
}

/** 2026年12月1日 / 2026-12-01: the day a document was made. */
export function fullDate(d: Day, lang: Lang): string {
  const { year, month, date } = dayParts(d);
  const two = (n: number) => (lang === 'en' ? String(n).padStart(2, '0') : n);
  return fill(messages(lang).documents.fullDate, { year, month: two(month), date: two(date) });
}

/** 2026年11月 / 2026-11. */
export function monthPeriod(month: Month, lang: Lang): string {
  return fill(messages(lang).documents.monthPeriod, {
    year: month.year,
    month: lang === 'en' ? String(month.month).padStart(2, '0') : month.month,
  });
}

const percent = (done: number, planned: number) => (planned ? `${Math.round((done / planned) * 100)}%` : '—');

/** The report as a document: the office's wording, the bureau's order of sections. */
export function safetyDocument(
  report: SafetyReport,
  ctx: { readonly lang: Lang; readonly schoolName: string; readonly today: Day },
): DocumentModel {
  const { lang } = ctx;
  const d = messages(lang).documents;
  const m = d.safety;
  const total = d.render.total;
  const none = d.render.none;
  const f = report.figures;
  const of = (done: number, all: number) => fill(m.ofTemplate, { done, total: all });
  const or = (value: string | null) => value || none;
  const sections: Section[] = [];

  sections.push({
    heading: m.summary,
    blocks: [
      ...(report.empty ? [{ kind: 'text' as const, text: m.empty, tone: 'notice' as const }] : []),
      {
        kind: 'facts',
        items: [
          { label: m.facts.inspections, value: of(f.inspectionsDone, f.inspectionsPlanned) },
          { label: m.facts.records, value: report.records },
          { label: m.facts.hazards, value: report.found.length },
          { label: m.facts.fixedOnTime, value: report.fixedOnTime },
          { label: m.facts.openAtEnd, value: report.openAtEnd.length },
          { label: m.facts.drills, value: report.drills.length },
          { label: m.facts.samples, value: of(report.samples.okDays, report.samples.days) },
          { label: m.facts.repairs, value: of(f.repairsFixed, f.repairsReported) },
        ],
      },
    ],
  });

  const ic = m.inspectionColumns;
  sections.push({
    heading: m.inspections,
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: ic.kind },
          { label: ic.planned, align: 'right', width: '14%' },
          { label: ic.done, align: 'right', width: '14%' },
          { label: ic.rate, align: 'right', width: '14%' },
        ],
        rows: report.inspections.map((k) => [k.kind, k.planned, k.done, percent(k.done, k.planned)]),
        totals: [
          total,
          f.inspectionsPlanned,
          f.inspectionsDone,
          percent(f.inspectionsDone, f.inspectionsPlanned),
        ],
        empty: m.noInspections,
      },
    ],
  });

  const hc = m.hazardColumns;
  const state = (h: HazardLine): string => {
    if (h.fixed === null || h.fixed > report.to) return m.hazardStates.open;
    const onTime = h.deadline === null || h.fixed <= h.deadline;
    return fill(onTime ? m.hazardStates.onTime : m.hazardStates.late, { date: h.fixed });
  };
  sections.push({
    heading: m.hazards,
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: hc.date, width: '13%' },
          { label: hc.location, width: '15%' },
          { label: hc.finding },
          { label: hc.deadline, width: '13%' },
          { label: hc.person, width: '11%' },
          { label: hc.state, width: '19%' },
        ],
        rows: report.found.map((h) => [
          h.found,
          h.location,
          h.finding,
          or(h.deadline),
          or(h.person),
          state(h),
        ]),
        empty: m.noHazards,
      },
    ],
  });

  const oc = m.openColumns;
  sections.push({
    heading: m.open,
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: oc.date, width: '13%' },
          { label: oc.location, width: '15%' },
          { label: oc.finding },
          { label: oc.deadline, width: '13%' },
          { label: oc.person, width: '11%' },
          { label: oc.late, align: 'right', width: '10%' },
        ],
        rows: report.openAtEnd.map((h): Cell[] => [
          h.found,
          h.location,
          h.finding,
          or(h.deadline),
          or(h.person),
          h.deadline && h.deadline < report.to ? daysBetween(h.deadline, report.to) : none,
        ]),
        empty: m.noOpen,
      },
    ],
  });

  const dc = m.drillColumns;
  const kindLabel = (k: string) => (m.drillKinds as Record<string, string>)[k] ?? k;
  const people = report.drills.reduce((n, x) => n + (x.participants ?? 0), 0);
  sections.push({
    heading: m.drills,
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: dc.date, width: '14%' },
          { label: dc.kind, width: '16%' },
          { label: dc.topic },
          { label: dc.participants, align: 'right', width: '14%' },
        ],
        rows: report.drills.map((x) => [x.date, kindLabel(x.kind), x.topic, x.participants ?? none]),
        totals: [total, report.drills.length, '', people],
        empty: m.noDrills,
      },
    ],
  });

  const cf = m.canteenFacts;
  sections.push({
    heading: m.canteen,
    blocks: report.samples.days
      ? [
          {
            kind: 'facts',
            items: [
              { label: cf.days, value: report.samples.days },
              { label: cf.ok, value: report.samples.okDays },
              { label: cf.bad, value: report.samples.badDays.join('、') || none },
            ],
          },
        ]
      : [{ kind: 'text', text: m.noSamples }],
  });

  const rc = m.repairColumns;
  sections.push({
    heading: m.repairs,
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: rc.cause },
          { label: rc.reported, align: 'right', width: '18%' },
          { label: rc.fixed, align: 'right', width: '18%' },
        ],
        rows: report.repairs.map((r) => [
          r.cause ? enumLabel(lang, 'damageCause', r.cause as never) : m.noCause,
          r.reported,
          r.fixed,
        ]),
        totals: [total, f.repairsReported, f.repairsFixed],
        empty: m.noRepairs,
      },
    ],
  });

  const period = monthPeriod(report.month, lang);
  return {
    lang,
    title: m.title,
    school: ctx.schoolName,
    period,
    issued: fullDate(ctx.today, lang),
    meta: [],
    sections,
    signatures: m.signatures,
    fileName: fill(m.fileName, { month: monthId(report.month) }),
  };
}

/** The one-line summary the e-mail carries beside the PDF. */
export function safetySummary(report: SafetyReport, lang: Lang): string {
  const m = messages(lang).documents.safety;
  const f = report.figures;
  return fill(m.mailFacts, {
    done: f.inspectionsDone,
    planned: f.inspectionsPlanned,
    found: report.found.length,
    onTime: report.fixedOnTime,
    open: report.openAtEnd.length,
    drills: report.drills.length,
    okDays: report.samples.okDays,
    days: report.samples.days,
    reported: f.repairsReported,
    fixed: f.repairsFixed,
  });
}
