import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { columnLetter } from '../table/a1';
import { columnHeader } from '../table/labels';
import { quote } from '../validate/problem';
import type { ImportTarget } from './fields';
import type { MappedBy } from './mapping';
import type { ImportPlan, PlanResult } from './plan';

/** How many lines of each list the preview carries; the counts say how many there are in all. */
export const PREVIEW_LINES = 100;

/** The plan as the dialog shows it: JSON only, every text in the Settings language. */
export interface ImportPreview {
  readonly target: ImportTarget;
  readonly headerText: string;
  /** Source columns: index and how the dropdown names them ("C 使用部门"). */
  readonly columns: readonly { index: number; label: string }[];
  readonly fields: readonly {
    key: string;
    label: string;
    column: number | null;
    by: MappedBy | null;
    required: boolean;
  }[];
  readonly leftovers: readonly number[];
  readonly counts: ImportPlan['counts'];
  readonly countsText: string;
  readonly skipped: readonly string[];
  readonly problems: readonly { row: number; text: string; blocking: boolean }[];
  readonly problemCount: number;
  readonly conflicts: readonly { key: string; text: string; choice: 'keep' | 'take' | null }[];
  readonly undecided: number;
}

export function fieldLabel(lang: Lang, target: ImportTarget, key: string): string {
  const virtual = messages(lang).importing.virtual as Record<string, string>;
  return virtual[key] ?? columnHeader(lang, target, key);
}

/** The message for a plan that could not be made. */
export function noPlanText(lang: Lang, result: Extract<PlanResult, { ok: false }>, idLabel: string): string {
  const e = messages(lang).importing.errors;
  return fill(e[result.reason], { column: idLabel });
}

export function importPreview(lang: Lang, plan: ImportPlan, idLabel: string): ImportPreview {
  const m = messages(lang).importing;
  const line = (row: number, text: string) => fill(m.rowLine, { row, text });
  const columns = plan.labels.map((label, index) => ({
    index,
    label: `${columnLetter(index + 1)} ${quote(label)}`.trim(),
  }));
  const width = Math.max(columns.length, ...plan.leftovers.map((c) => c + 1));
  for (let c = columns.length; c < width; c++) columns.push({ index: c, label: columnLetter(c + 1) });
  const reason = (s: ImportPlan['skipped'][number]) =>
    fill(m.reasons[s.reason], { column: idLabel, id: s.id ?? '', first: s.first ?? '' });
  return {
    target: plan.target,
    headerText:
      plan.header.height === 2
        ? fill(m.twoRowHeader, { row: plan.header.row, end: plan.header.row + 1 })
        : fill(m.headerFound, { row: plan.header.row }),
    columns,
    fields: plan.fields.map((f) => ({ ...f, label: fieldLabel(lang, plan.target, f.key) })),
    leftovers: plan.leftovers,
    counts: plan.counts,
    countsText: fill(m.counts, plan.counts),
    skipped: plan.skipped.slice(0, PREVIEW_LINES).map((s) => line(s.row, reason(s))),
    problems: plan.problems
      .slice(0, PREVIEW_LINES)
      .map((p) => ({ row: p.row, text: line(p.row, p.detail[lang]), blocking: p.blocking })),
    problemCount: plan.problems.length,
    conflicts: plan.conflicts.slice(0, PREVIEW_LINES).map((c) => ({
      key: c.key,
      choice: c.choice,
      text: line(
        c.row,
        fill(m.conflictLine, {
          id: c.id,
          column: fieldLabel(lang, plan.target, c.column),
          current: quote(c.current),
          incoming: quote(c.incoming),
        }),
      ),
    })),
    undecided: plan.undecided,
  };
}
