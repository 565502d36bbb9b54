import { tableOf, typedRecords } from '../../src/core/table/record';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { sheetDecl, type SheetKey } from '../../src/core/sheets';
import { QUICK_ACTIONS, type Tables } from '../../src/core/sidebar/actions';
import { checkFields } from '../../src/core/sidebar/check';
import { ACTIONS, FORM_FIELDS, type ActionKey } from '../../src/core/sidebar/forms';
import type { ActionContext } from '../../src/core/sidebar/records';
import { userOf } from '../../src/core/sidebar/user';
import { columnHeader } from '../../src/core/table/labels';
import { checkCompletion, readTasks } from '../../src/core/tasks';
import { instantOf } from '../../src/core/time';

const TZ = 'Asia/Shanghai';
const TODAY = '2026-09-01';
const ctx: ActionContext = {
  now: new Date('2026-09-01T00:30:00Z'),
  today: TODAY,
  timeZone: TZ,
  settings: DEFAULT_SETTINGS,
  lang: 'zh-CN',
  user: '王芳',
};

/** A sheet as the shell reads it: the zh-CN header, then rows by column key. */
function sheet(key: SheetKey, rows: Record<string, unknown>[] = []) {
  const columns = sheetDecl(key).columns;
  return tableOf(key, [
    columns.map((c) => columnHeader('zh-CN', key, c.key)),
    ...rows.map((r) => columns.map((c) => r[c.key] ?? '')),
  ]);
}

const WORKBOOK: Tables = {
  roster: sheet('roster', [{ name: '王芳', role: '总务主任', email: 'Head@School.example', onDuty: true }]),
  assets: sheet('assets', [{ assetId: 'ZC-001', name: '投影仪', location: '初一(1)班', status: '在用' }]),
  repairs: sheet('repairs', [
    { repairId: 'BX-1', location: '食堂', description: '灯管不亮', status: '已报修' },
  ]),
  inspectionSchedules: sheet('inspectionSchedules', [
    { scheduleId: 'XJ-01', item: '消防器材', location: '教学楼', frequency: '每周五', active: true },
  ]),
  inspectionResults: sheet('inspectionResults'),
  schoolYear: sheet('schoolYear'),
  // No cached stock: the balance comes from the movements.
  stockItems: sheet('stockItems', [{ itemId: 'WZ-01', name: '粉笔', unit: '盒', returnable: true }]),
  stockMovements: sheet('stockMovements', [
    { date: instantOf('2026-08-30', TZ), itemId: 'WZ-01', type: '采购入库', quantity: 10 },
  ]),
  feeItems: sheet('feeItems', [{ code: 'F01', name: '作业本费', standard: 12.5 }]),
  feePayments: sheet('feePayments'),
  canteenSamples: sheet('canteenSamples'),
  canteenDisinfection: sheet('canteenDisinfection'),
  drills: sheet('drills'),
};

/** What each form sends when filled in correctly. */
const GOOD: Record<ActionKey, Record<string, unknown>> = {
  reportRepair: { location: '食堂', assetId: 'ZC-001', description: '灯管不亮' },
  completeRepair: { repairId: 'BX-1', cause: 'wear', cost: '35' },
  recordInspection: { scheduleId: 'XJ-01', location: '教学楼', result: 'pass' },
  stockMove: { type: 'issue', itemId: 'WZ-01', quantity: '3' },
  takeFee: { itemCode: 'F01', payer: '学生1', quantity: '2', receiptNo: 'SJ-2026-0001', deposited: true },
  canteenDaily: {
    meal: 'lunch',
    dishes: [{ dish: '红烧肉', weight: '150', time: '11:30' }],
    target: '餐具',
    method: 'steam',
    done: true,
  },
  recordDrill: {
    date: '2026-08-28',
    kind: 'drill',
    topic: '消防疏散演练',
    organiser: '王芳',
    participants: '1200',
  },
};

function decide(action: ActionKey, input: unknown, tables: Tables = WORKBOOK) {
  const checked = QUICK_ACTIONS[action].check(input, TODAY, 'zh-CN');
  if (!checked.ok) throw new Error(`refused: ${JSON.stringify(checked.errors)}`);
  return checked.values(ctx, tables);
}

describe('the quick-action table', () => {
  it.each(ACTIONS)('%s reads every sheet it writes, so the shell writes only what it read', (action) => {
    const outcome = decide(action, GOOD[action]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const written = [...outcome.append, ...outcome.update].map((p) => p.sheet);
    expect(written.length).toBeGreaterThan(0);
    for (const key of written) expect(QUICK_ACTIONS[action].reads).toContain(key);
  });

  it.each(ACTIONS)('%s writes nothing on a workbook without the sheets it writes', (action) => {
    const outcome = decide(action, GOOD[action], {
      ...WORKBOOK,
      ...Object.fromEntries(QUICK_ACTIONS[action].reads.map((k) => [k, undefined])),
    });
    expect(outcome.ok).toBe(false);
  });

  it('issues stock from the balance of the movements when the stock cell is empty', () => {
    const outcome = decide('stockMove', GOOD.stockMove);
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.update[0]).toEqual({ sheet: 'stockItems', changes: [{ row: 2, patch: { stock: 7 } }] });
    const over = decide('stockMove', { ...GOOD.stockMove, quantity: '11' });
    expect(over).toEqual({ ok: false, errors: { quantity: '库存不足：现有 10。' } });
  });

  it('refuses a repair for an asset the register does not hold', () => {
    expect(decide('reportRepair', { ...GOOD.reportRepair, assetId: 'ZC-404' })).toMatchObject({
      ok: false,
      errors: { assetId: '找不到资产「ZC-404」。' },
    });
  });

  it('records a drill held on the day given, in the words of 演练培训记录', () => {
    expect(decide('recordDrill', GOOD.recordDrill)).toEqual({
      ok: true,
      append: [
        {
          sheet: 'drills',
          records: [
            {
              date: instantOf('2026-08-28', TZ),
              kind: '演练',
              topic: '消防疏散演练',
              organiser: '王芳',
              participants: 1200,
              note: '',
            },
          ],
        },
      ],
      update: [],
      message: '已记录演练：消防疏散演练。',
    });
  });

  it('keeps the fee form’s tick for banked the same day', () => {
    const banked = decide('takeFee', GOOD.takeFee);
    const kept = decide('takeFee', { ...GOOD.takeFee, deposited: false });
    if (!banked.ok || !kept.ok) throw new Error('refused');
    expect(banked.append[0]!.records[0]!.depositDate).toEqual(instantOf(TODAY, TZ));
    expect(kept.append[0]!.records[0]!.depositDate).toBe('');
  });
});

describe('the form rules page and server share', () => {
  const errors = (action: ActionKey, input: Record<string, unknown>) => {
    const read = checkFields(FORM_FIELDS[action], { ...GOOD[action], ...input }, TODAY, 'zh-CN');
    return read.ok ? {} : read.errors;
  };

  it('offers only the movements the sidebar records', () => {
    expect(errors('stockMove', { type: 'adjust' }).type).toBe(
      '「类型」须从下拉列表中选择（采购入库、领用、借用、归还），现为「adjust」',
    );
    expect(errors('stockMove', { type: 'return' })).toEqual({});
  });

  it('takes dates from the start of last year to the end of the year after next', () => {
    const due = (dueDate: string) => errors('stockMove', { type: 'borrow', dueDate }).dueDate;
    expect(due('2025-01-01')).toBeUndefined();
    expect(due('2028-12-31')).toBeUndefined();
    expect(due('2024-12-31')).toBe('「归还期限」须在 2025-01-01 至 2028-12-31 之间。');
    expect(due('2029-01-01')).toBeDefined();
  });

  it('asks a drill for its kind and topic, a count no school reaches refused', () => {
    const drill = (input: Record<string, unknown>) => errors('recordDrill', input);
    expect(Object.keys(drill({ kind: '', topic: '' })).sort()).toEqual(['kind', 'topic']);
    expect(drill({ kind: 'party' }).kind).toContain('须从下拉列表中选择');
    expect(drill({ participants: '10001' }).participants).toBeDefined();
    expect(drill({ kind: 'training', participants: '' })).toEqual({});
  });

  it('holds quantities to the form’s maximum', () => {
    expect(errors('stockMove', { quantity: '10000' })).toEqual({});
    expect(errors('stockMove', { quantity: '10000.5' }).quantity).toContain('10000');
  });

  it('refuses control characters, but lets a description keep its line breaks', () => {
    expect(errors('stockMove', { itemId: 'WZ-01\t' }).itemId).toContain('控制字符');
    expect(errors('reportRepair', { description: '灯管不亮\u0000' }).description).toContain('控制字符');
    expect(errors('reportRepair', { description: '灯管不亮\n开关也坏了' })).toEqual({});
  });

  it('requires what the form requires although the sheet does not', () => {
    expect(errors('completeRepair', { cause: '' }).cause).toBe('「损坏原因」必填');
  });
});

describe('who may complete a task', () => {
  const roster = typedRecords(
    sheet('roster', [
      { name: '王芳', role: '总务主任', email: 'head@school.example', onDuty: true },
      { name: '李强', role: '水电工', email: 'LI@school.example ', onDuty: true },
      { name: '赵敏', role: '总务主任', email: 'old-head@school.example', onDuty: false },
    ]),
    TZ,
  );
  const tasks = readTasks(
    sheet('tasks', [
      { taskId: 'T1', title: '巡检', source: '巡检', ref: 'XJ-01', assignee: '李强', status: '待办' },
      {
        taskId: 'T2',
        title: '交接',
        source: '行事历',
        assignee: '李强',
        status: '已完成',
        doneDate: instantOf('2026-08-31', TZ),
      },
    ]).rows,
    TZ,
  );
  const complete = (email: string, taskId: string, result?: string) =>
    checkCompletion(tasks, { taskId, outcome: result ? { result } : null }, userOf(roster, email), 'zh-CN');

  it('knows the signed-in person by their Roster e-mail, whatever its case', () => {
    expect(userOf(roster, ' li@School.example')).toMatchObject({ name: '李强', head: false });
    expect(userOf(roster, 'head@school.example').head).toBe(true);
    expect(userOf(roster, 'old-head@school.example').head).toBe(false);
  });

  it('lets the assignee and the office head on duty complete it, nobody else', () => {
    expect(complete('li@school.example', 'T1', 'pass').ok).toBe(true);
    expect(complete('head@school.example', 'T1', 'pass').ok).toBe(true);
    expect(complete('old-head@school.example', 'T1', 'pass')).toMatchObject({
      ok: false,
      message: '任务 T1 由李强负责，只有本人或总务主任可以完成。',
    });
  });

  it('asks an inspection for its result and says when a task is already done', () => {
    expect(complete('li@school.example', 'T1')).toMatchObject({
      ok: false,
      errors: { result: '「结果」必填' },
    });
    expect(complete('li@school.example', 'T2')).toMatchObject({
      ok: false,
      message: '任务 T2 已于 2026-08-31 完成，无需再次完成。',
    });
  });
});
