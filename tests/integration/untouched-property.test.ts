import fc from 'fast-check';
import type { Emulator } from '../../emulator';
import { isDate } from '../../src/core/time';
import { at, overdueWorkbook } from './alerts.fixture';
import { fillSheet, syntheticRows } from '../support/workbook';

/**
 * The second property of the hostile-input tests (the first, on validation, is in
 * tests/unit/validate-property.test.ts): for every operation — Check all sheets, an edit, a quick
 * action, Generate this month's tasks, overdue alerts — any cell the operation did not mean to
 * change holds the same value, type and formula afterwards. Text that Sheets re-types when a
 * script writes it again sits between the cells that are tidied or patched.
 */

const HOSTILE = ['1e3', '00123', '2026-03-01', 'TRUE', '=A2*100', '=HYPERLINK("x","y")'] as const;
const ASSETS = '固定资产';
const LOG = '提醒记录';

/** Purchase date, amount, quantity: columns G, H, I of Assets. */
const TIDY_COLUMNS = ['G', 'H', 'I'] as const;
/** What each column tidies: a date the Chinese way, amounts and a count in full-width digits. */
const TIDY: Record<(typeof TIDY_COLUMNS)[number], readonly string[]> = {
  G: ['２０２６年９月１日', '２０２６．３．５'],
  H: ['１，２００元', '１５元', '￥８８'],
  I: ['３', '１２'],
};
/** A text a column cannot tidy: in a date column '2026-03-01' is tidied, in a number column '00123'. */
const untidyable = (column: string) =>
  HOSTILE.filter((h) => (column === 'G' ? h !== '2026-03-01' : h !== '00123'));

type Plan = { kind: 'keep' } | { kind: 'tidy'; pick: number } | { kind: 'text'; pick: number };
const plan: fc.Arbitrary<Plan> = fc.oneof(
  fc.constant<Plan>({ kind: 'keep' }),
  fc.nat(5).map<Plan>((pick) => ({ kind: 'tidy', pick })),
  fc.nat(5).map<Plan>((pick) => ({ kind: 'text', pick })),
  fc.nat(5).map<Plan>((pick) => ({ kind: 'text', pick })),
);

/** The value a planned cell is typed as: a leading apostrophe keeps text as text in any cell. */
function typed(column: (typeof TIDY_COLUMNS)[number], p: Plan): unknown {
  if (p.kind === 'tidy') return TIDY[column][p.pick % TIDY[column].length];
  if (p.kind === 'text') {
    const options = untidyable(column);
    return `'${options[p.pick % options.length]}`;
  }
  return column === 'G' ? at('2026-05-01', 0) : column === 'H' ? 100 : 1;
}

/** Every non-blank cell of the workbook, as value type, value and formula. */
function snapshot(emu: Emulator): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of emu.spreadsheet.getSheets()) {
    const range = sheet.getDataRange();
    const values = range.getValues();
    const formulas = range.getFormulas();
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = formulas[i]![j]!;
        if (v === '' && f === '') return;
        const shown = isDate(v) ? `date:${v.getTime()}` : `${typeof v}:${String(v)}`;
        out.set(`${sheet.getName()}!${i + 1}:${j + 1}`, `${shown}|${f}`);
      }),
    );
  }
  return out;
}

/** Cells whose value, type or formula differs between two snapshots. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k));
}

const cellKey = (sheet: string, row: number, column: number) => `${sheet}!${row}:${column}`;
const columnOf = (letter: string) => letter.charCodeAt(0) - 64;

/** Runs `operation` and returns the cells it changed that `allowed` does not admit. */
function strays(emu: Emulator, operation: () => void, allowed: (key: string) => boolean): string[] {
  const before = snapshot(emu);
  operation();
  return changed(before, snapshot(emu)).filter((k) => !allowed(k));
}

/** The Settings cells Houqin fills with what a job did ('逾期提醒上次运行' and the like). */
function statusCells(emu: Emulator): Set<string> {
  const settings = emu.spreadsheet.getSheetByName('设置')!;
  const out = new Set<string>();
  settings
    .getDataRange()
    .getValues()
    .forEach((r, i) => {
      if (/上次/.test(String(r[0]))) out.add(cellKey('设置', i + 1, 2));
    });
  return out;
}

describe('operations leave every cell they do not mean to change as it was', () => {
  it('Check all sheets, an edit, a quick action, generating the month and alerts touch only their cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(plan, plan, plan), { minLength: 10, maxLength: 10 }),
        fc.array(fc.tuple(plan, plan, plan), { minLength: 4, maxLength: 4 }),
        fc.constantFrom(...HOSTILE),
        fc.tuple(fc.constantFrom(...HOSTILE), fc.constantFrom(...HOSTILE), fc.constantFrom(...HOSTILE)),
        (layout, paste, description, logTexts) => {
          const bundle = overdueWorkbook((emu) => fillSheet(emu, 'assets', syntheticRows('assets', 12)));
          const { emu } = bundle;
          const assets = emu.spreadsheet.getSheetByName(ASSETS)!;
          // The office's own column beside the template's, and its links in the note column.
          assets.getRange('N1').setValue('我的备注');
          layout.forEach((cells, i) => {
            const row = i + 2;
            cells.forEach((p, j) => {
              const column = TIDY_COLUMNS[j]!;
              assets.getRange(`${column}${row}`).setValue(typed(column, p));
            });
            assets.getRange(`N${row}`).setValue(`'${HOSTILE[i % HOSTILE.length]}`);
            if (i % 3 === 0) assets.getRange(`M${row}`).setFormula('=HYPERLINK("x","y")');
          });
          const tidied = (rows: readonly (readonly Plan[])[], top: number) =>
            new Set(
              rows.flatMap((cells, i) =>
                cells.flatMap((p, j) =>
                  p.kind === 'tidy' ? [cellKey(ASSETS, top + i, columnOf(TIDY_COLUMNS[j]!))] : [],
                ),
              ),
            );

          // Check all sheets: the tidied cells, and the Problems sheet it rebuilds.
          const planted = tidied(layout, 2);
          expect(
            strays(
              emu,
              () => bundle.call('menuCheckAllSheets'),
              (k) => planted.has(k) || k.startsWith('问题清单!'),
            ),
          ).toEqual([]);
          for (const k of planted) expect(snapshot(emu).get(k)).not.toMatch(/^string:/);

          // An edit: a pasted block, tidied where it can be; the text pasted stays as pasted.
          const event = emu.edit(
            ASSETS,
            'G14:I17',
            paste.map((cells) => cells.map((p, j) => typed(TIDY_COLUMNS[j]!, p))),
          );
          const pastedTidy = tidied(paste, 14);
          expect(
            strays(
              emu,
              () => bundle.call('onEdit', [event], 'LIMITED'),
              (k) => pastedTidy.has(k),
            ),
          ).toEqual([]);

          // A quick action: a new repair row, its description kept as typed.
          const repairs = emu.spreadsheet.getSheetByName('维修记录')!;
          const lastRepair = repairs.getLastRow();
          expect(
            strays(
              emu,
              () =>
                expect(bundle.run('apiSubmitReportRepair', { location: '食堂', description })).toMatchObject({
                  ok: true,
                }),
              (k) => k.startsWith('维修记录!') && Number(/!(\d+):/.exec(k)![1]) > lastRepair,
            ),
          ).toEqual([]);
          const added = repairs.getRange(lastRepair + 1, 1, 1, repairs.getLastColumn());
          expect(added.getValues()[0]).toContain(description);
          expect(added.getFormulas()[0]!.every((f) => f === '')).toBe(true);

          // Generate this month's tasks: the Tasks sheet's own columns and new rows, schedules' due dates.
          const tasks = emu.spreadsheet.getSheetByName('任务')!;
          const header = tasks.getRange(1, 1, 1, tasks.getLastColumn()).getValues()[0]!;
          const note = header.indexOf('备注') + 1;
          tasks.getRange(2, note).setValue(`'${logTexts[0]}`);
          tasks.getRange(1, header.length + 1).setValue('我的列');
          tasks.getRange(2, header.length + 1).setFormula('=HYPERLINK("x","y")');
          const lastTask = tasks.getLastRow();
          const status = statusCells(emu);
          expect(
            strays(
              emu,
              () => bundle.clickMenu('生成本月任务'),
              (k) => {
                if (status.has(k) || k.startsWith('安全检查计划!')) return true;
                const m = /^任务!(\d+):(\d+)$/.exec(k);
                if (!m) return false;
                const [row, column] = [Number(m[1]), Number(m[2])];
                return row > lastTask || (column !== note && column <= header.length);
              },
            ),
          ).toEqual([]);

          // Alerts: one sent, the others pending; an older entry of the office's lands between them.
          emu.mail.setQuota(1);
          const log = emu.spreadsheet.getSheetByName(LOG)!;
          const firstLog = log.getLastRow();
          expect(
            strays(
              emu,
              () => bundle.clickMenu('立即发送逾期提醒'),
              (k) => status.has(k) || (k.startsWith(`${LOG}!`) && Number(/!(\d+):/.exec(k)![1]) > firstLog),
            ),
          ).toEqual([]);
          const pending = log
            .getDataRange()
            .getValues()
            .flatMap((r, i) => (r[6] === '待发送' ? [i + 1] : []));
          expect(pending.length).toBeGreaterThanOrEqual(2);
          log.insertRowsAfter(pending[0]!, 1);
          const foreign = pending[0]! + 1;
          log
            .getRange(foreign, 1, 1, 5)
            .setValues([[at('2026-09-01'), 'old@school.example', '报修', 'x', '维修记录']]);
          log.getRange(foreign, 6).setValue(`'${logTexts[1]}`);
          log.getRange(foreign, 7).setValue('已发送');
          log.getRange(foreign, 8).setValue(`'${logTexts[2]}`);
          log.getRange(foreign, 9).setFormula('=HYPERLINK("mailto:old@school.example","回电")');
          const settled = new Set(pending.map((r) => (r > foreign - 1 ? r + 1 : r)));
          settled.delete(foreign);
          emu.mail.setQuota(100);
          emu.clock.set(at('2026-09-11', 7));
          const lastLog = log.getLastRow();
          expect(
            strays(
              emu,
              () => bundle.clickMenu('立即发送逾期提醒'),
              (k) => {
                if (status.has(k)) return true;
                const m = new RegExp(`^${LOG}!(\\d+):(\\d+)$`).exec(k);
                if (!m) return false;
                const [row, column] = [Number(m[1]), Number(m[2])];
                return row > lastLog || (settled.has(row) && [1, 6, 7, 8, 9].includes(column));
              },
            ),
          ).toEqual([]);
        },
      ),
      { numRuns: 6 },
    );
  });
});
