// project-cases.mjs — Apps Script behaviour Houqin relies on that ../shared/apps-script-cases does not
// cover yet, written in that file's format (each case names its source) and run together with it:
//
//   node project-cases.mjs --project <bundle.cjs exporting createEmulator> --json out.json
//
// cases.mjs beside this file stays a byte copy of the shared one; new shared cases land there, ours here.

/* global __T, SpreadsheetApp -- each `run` is serialised and runs in the script context, with Apps Script globals and the shared PRELUDE's __T */
import fs from 'node:fs';
import { CASES, describeExpect, runAll } from './cases.mjs';

const DOC = (p) => 'https://developers.google.com/apps-script/reference/' + p;

export const PROJECT_CASES = [
  // ── copyFormatToRange ──────────────────────────────────────────────────────
  // "Copy the formatting of the range to the given location. If the destination is larger or smaller than
  // the source range then the source is repeated or truncated accordingly. Note that this method copies the
  // formatting only." (the Sheet overload and the gridId overload). Setup paints every header this way.
  {
    id: 'copyFormatToRange.repeats',
    api: 'Range.copyFormatToRange(sheet, column, columnEnd, row, rowEnd)',
    input: "A1 bold, #e8f0fe, '@'; B2:D3 hold values; A1.copyFormatToRange(sheet, 2, 4, 2, 3)",
    expect: [
      [
        ['x', 1, 2],
        ['y', 3, 4],
      ],
      ['bold', 'bold', 'bold'],
      ['#e8f0fe', '#e8f0fe'],
      ['@', '@'],
    ],
    source: DOC('spreadsheet/range#copyFormatToRange(Sheet,Integer,Integer,Integer,Integer)'),
    run: () => {
      const s = __T.s();
      s.getRange('A1').setFontWeight('bold').setBackground('#e8f0fe').setNumberFormat('@');
      s.getRange('B2:D3').setValues([
        ['x', 1, 2],
        ['y', 3, 4],
      ]);
      s.getRange('A1').copyFormatToRange(s, 2, 4, 2, 3);
      return [
        s.getRange('B2:D3').getValues(),
        s.getRange('B3:D3').getFontWeights()[0],
        [s.getRange('B2').getBackground(), s.getRange('D3').getBackground()],
        [s.getRange('C2').getNumberFormat(), s.getRange('D3').getNumberFormat()],
      ];
    },
  },
  {
    id: 'copyFormatToRange.truncates',
    api: 'Range.copyFormatToRange(sheet, column, columnEnd, row, rowEnd)',
    input:
      'A1:B1 = bold | red bg; A1:B1.copyFormatToRange(other sheet, 1, 1, 1, 1); B1 of the other sheet untouched',
    expect: ['bold', '#ffffff', 'normal', '#ffffff'],
    source: DOC('spreadsheet/range#copyFormatToRange(Sheet,Integer,Integer,Integer,Integer)'),
    run: () => {
      const s = __T.s();
      s.getRange('A1').setFontWeight('bold');
      s.getRange('B1').setBackground('#ff0000');
      const t = SpreadsheetApp.getActiveSpreadsheet().insertSheet('copyFormat_target');
      s.getRange('A1:B1').copyFormatToRange(t, 1, 1, 1, 1);
      return [
        t.getRange('A1').getFontWeight(),
        t.getRange('A1').getBackground(),
        t.getRange('B1').getFontWeight(),
        t.getRange('B1').getBackground(),
      ];
    },
  },
  {
    id: 'copyFormatToRange.gridId',
    api: 'Range.copyFormatToRange(gridId, column, columnEnd, row, rowEnd)',
    input: "A1 '0.00'; A1.copyFormatToRange(target.getSheetId(), 2, 2, 1, 2)",
    expect: ['0.00', '0.00'],
    source: DOC('spreadsheet/range#copyFormatToRange(Integer,Integer,Integer,Integer,Integer)'),
    run: () => {
      const s = __T.s();
      s.getRange('A1').setNumberFormat('0.00');
      const t = SpreadsheetApp.getActiveSpreadsheet().insertSheet('copyFormat_grid');
      s.getRange('A1').copyFormatToRange(t.getSheetId(), 2, 2, 1, 2);
      return [t.getRange('B1').getNumberFormat(), t.getRange('B2').getNumberFormat()];
    },
  },
];

const args = process.argv.slice(2);
const opt = (k) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const shared = new Set(CASES.map((c) => c.id));
// A case the shared file has since taken over runs once, as the shared file words it.
CASES.push(...PROJECT_CASES.filter((c) => !shared.has(c.id)));
const { cases, results } = await runAll({ projectBundle: opt('--project') });
const report = {
  cases: cases.map((c) => ({
    id: c.id,
    api: c.api,
    input: c.input,
    expected: describeExpect(c),
    source: c.source,
  })),
  results,
};
if (opt('--json')) fs.writeFileSync(opt('--json'), JSON.stringify(report));
for (const [name, rs] of Object.entries(results))
  console.log(`${name}: ${rs.filter((r) => r.pass).length}/${rs.length} pass`);
