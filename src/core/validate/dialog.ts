import { el, join, raw, type Html } from '../html';
import { fill, messages } from '../i18n';
import type { CheckReport } from './report';

const STYLE = `body{font:13px/1.5 Arial,"Microsoft YaHei",sans-serif;margin:0 4px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}.error{color:#b00020}.warning{color:#8a6d00}.num{text-align:right}`;

/**
 * The "Check all sheets" dialog: summary counts per sheet, then the problems with links that jump
 * to the cell. Every value from the workbook is escaped by the html helpers.
 */
export function checkReportHtml(report: CheckReport): string {
  const m = messages(report.lang);
  const v = m.validation;
  const cols = m.sheets.problems.columns;
  // target _top: the dialog is a frame, the link must move the spreadsheet itself.
  const jump = (fragment: string, label: string) =>
    el('a', { href: report.url + fragment, target: '_top' }, label);
  const parts: Html[] = [
    raw(`<style>${STYLE}</style>`),
    el('p', {}, fill(v.summary, { rows: report.rows, errors: report.errors, warnings: report.warnings })),
  ];
  if (report.normalised > 0) parts.push(el('p', {}, fill(v.normalisedCount, { n: report.normalised })));
  const withProblems = report.sheets.filter((s) => s.errors + s.warnings > 0);
  if (withProblems.length)
    parts.push(
      el(
        'table',
        {},
        join(
          withProblems.map((s) =>
            el(
              'tr',
              {},
              el('td', {}, jump(s.link, s.sheetName)),
              el('td', {}, fill(v.perSheet, { errors: s.errors, warnings: s.warnings })),
            ),
          ),
        ),
      ),
    );
  if (!report.problems.length) parts.push(el('p', {}, v.noProblems));
  else
    parts.push(
      el(
        'table',
        {},
        el(
          'tr',
          {},
          el('th', {}, cols.sheet),
          el('th', {}, cols.row),
          el('th', {}, cols.column),
          el('th', {}, cols.severity),
          el('th', {}, cols.message),
        ),
        join(
          report.problems.map((p) =>
            el(
              'tr',
              { class: p.severity },
              el('td', {}, jump(p.link, p.sheetName)),
              el('td', { class: 'num' }, jump(p.link, String(p.row))),
              el('td', {}, p.header ?? ''),
              el('td', {}, v.severity[p.severity]),
              el('td', {}, p.message),
            ),
          ),
        ),
      ),
    );
  if (report.more > 0)
    parts.push(el('p', {}, fill(v.more, { n: report.more, sheet: m.sheets.problems.name })));
  return join(parts).html;
}
