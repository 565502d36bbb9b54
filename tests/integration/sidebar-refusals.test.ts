// Crafted google.script.run calls against the built bundle: each refusal the page would make, the
// server makes too, with a clear message and nothing written.
import { createEmulator, type Emulator } from '../../emulator';
import { instantOf } from '../../src/core/time';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillOffice, STAFF } from '../support/office';
import { fillSheet } from '../support/workbook';

const TZ = 'Asia/Shanghai';
const { head: HEAD, electrician: LI, guard: ZHANG } = STAFF;
const day = (d: string) => instantOf(d, TZ);

function setUp(): Bundle {
  const emu = createEmulator({ now: '2026-09-01T08:00:00+08:00', timeZone: TZ });
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.call('menuSetUpWorkbook');
  fillOffice(emu);
  fillSheet(emu, 'repairs', [
    {
      repairId: 'BX-20260831-001',
      reportedAt: new Date('2026-08-31T09:00:00+08:00'),
      reporter: '王芳',
      location: '食堂',
      description: '灯管不亮',
      status: '已报修',
    },
  ]);
  const task = (
    taskId: string,
    source: string,
    assignee: string,
    status = '待办',
    doneDate: Date | '' = '',
  ) => ({
    taskId,
    month: '2026-09',
    dueDate: day('2026-09-04'),
    title: `任务 ${taskId}`,
    source,
    ref: source === '巡检' ? 'XJ-01' : '',
    assignee,
    status,
    doneDate,
    key: `k-${taskId}`,
  });
  fillSheet(emu, 'tasks', [
    task('T-INSP-LI', '巡检', '李强'),
    task('T-CAL-LI', '行事历', '李强'),
    task('T-INSP-ZHANG', '巡检', '张伟'),
    task('T-DONE-LI', '行事历', '李强', '已完成', day('2026-08-31')),
  ]);
  emu.setActiveUser(LI);
  return bundle;
}

/** Every sheet's values, and the count of every call that changes a sheet. */
function state(emu: Emulator) {
  return emu.spreadsheet.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]);
}
const WRITES = /^(Range|RangeList|Sheet)\.(set|insert|delete|clear|append)/;
function writes(emu: Emulator, snap: Record<string, number>): number {
  return Object.entries(emu.calls.since(snap))
    .filter(([name]) => WRITES.test(name))
    .reduce((n, [, c]) => n + c, 0);
}

type Reply = { ok: boolean; message: string; errors?: Record<string, string> };

/** Runs a crafted call and checks it was refused, with `field` named if given, writing nothing. */
function refused(bundle: Bundle, name: string, args: unknown[], field?: string): Reply {
  const before = state(bundle.emu);
  const snap = bundle.emu.calls.snapshot();
  const reply = bundle.run(name, ...args) as Reply;
  expect(reply.ok).toBe(false);
  expect(reply.message).not.toBe('');
  if (field !== undefined) expect(Object.keys(reply.errors ?? {})).toContain(field);
  expect(writes(bundle.emu, snap)).toBe(0);
  expect(state(bundle.emu)).toEqual(before);
  return reply;
}

describe('quick actions refuse what the form refuses', () => {
  let bundle: Bundle;
  beforeEach(() => {
    bundle = setUp();
  });

  it('records only the movements the form offers: no stocktake or write-off from a crafted call', () => {
    for (const type of ['adjust', 'scrap', '盘点调整'])
      refused(bundle, 'apiSubmitStockMove', [{ type, itemId: 'WZ-01', quantity: 99999 }], 'type');
    expect(bundle.run('apiSubmitStockMove', { type: 'issue', itemId: 'WZ-01', quantity: 2 })).toMatchObject({
      ok: true,
    });
  });

  it('asks for the fields the form requires: a completed repair’s cause, a fee’s quantity, an agency fee’s class', () => {
    refused(bundle, 'apiSubmitCompleteRepair', [{ repairId: 'BX-20260831-001' }], 'cause');
    // 作业本费 is an agency fee: settled per class, so a receipt names one.
    const r = refused(
      bundle,
      'apiSubmitTakeFee',
      [{ itemCode: 'F01', payer: '学生1', receiptNo: 'SJ-2026-0001', quantity: 1 }],
      'className',
    );
    expect(r.errors!.className).toContain('「作业本费」是代办费，请填写班级');
    expect(
      bundle.run('apiSubmitTakeFee', {
        itemCode: 'F01',
        payer: '学生1',
        className: '初一(1)班',
        receiptNo: 'SJ-2026-0001',
        quantity: 1,
      }),
    ).toMatchObject({ ok: true });
    refused(
      bundle,
      'apiSubmitTakeFee',
      [{ itemCode: 'F01', payer: '学生1', receiptNo: 'SJ-2026-0001', quantity: '' }],
      'quantity',
    );
  });

  it('refuses ids the workbook does not hold: asset, stock item, fee item', () => {
    const r = refused(
      bundle,
      'apiSubmitReportRepair',
      [{ location: '食堂', assetId: 'ZC-999', description: '坏了' }],
      'assetId',
    );
    expect(r.errors!.assetId).toContain('ZC-999');
    refused(bundle, 'apiSubmitStockMove', [{ type: 'issue', itemId: 'WZ-99', quantity: 1 }], 'itemId');
    refused(
      bundle,
      'apiSubmitTakeFee',
      [{ itemCode: 'F99', payer: '学生1', receiptNo: 'SJ-2026-0001', quantity: 1 }],
      'itemCode',
    );
  });

  it('refuses quantities and amounts beyond the form’s maximum', () => {
    refused(
      bundle,
      'apiSubmitStockMove',
      [{ type: 'purchase_in', itemId: 'WZ-01', quantity: 10001 }],
      'quantity',
    );
    refused(
      bundle,
      'apiSubmitTakeFee',
      [{ itemCode: 'F01', payer: '学生1', receiptNo: 'SJ-2026-0001', quantity: 101 }],
      'quantity',
    );
    refused(
      bundle,
      'apiSubmitCompleteRepair',
      [{ repairId: 'BX-20260831-001', cause: 'wear', cost: 2_000_000 }],
      'cost',
    );
    refused(
      bundle,
      'apiSubmitCanteenDaily',
      [
        {
          meal: 'lunch',
          dishes: [{ dish: '米饭', weight: 100000, time: '11:30' }],
          target: '餐具',
          method: 'steam',
          done: true,
        },
      ],
      'dishes.0.weight',
    );
  });

  it('takes dates only around this year: no year 0001 or 9999', () => {
    refused(
      bundle,
      'apiSubmitStockMove',
      [{ type: 'borrow', itemId: 'WZ-01', quantity: 1, party: '李强', dueDate: '0001-01-01' }],
      'dueDate',
    );
    const r = refused(
      bundle,
      'apiSubmitRecordInspection',
      [
        {
          scheduleId: 'XJ-01',
          location: '教学楼',
          result: 'hazard',
          finding: '灭火器过期',
          fixDeadline: '9999-12-31',
          responsible: '李强',
        },
      ],
      'fixDeadline',
    );
    expect(r.errors!.fixDeadline).toContain('2025-01-01');
  });

  it('refuses 5,000 dishes in one call', () => {
    const dishes = Array.from({ length: 5000 }, (_, i) => ({ dish: `菜${i}`, weight: 150, time: '11:30' }));
    const r = refused(
      bundle,
      'apiSubmitCanteenDaily',
      [{ meal: 'lunch', dishes, target: '餐具', method: 'steam', done: true }],
      'dishes',
    );
    expect(r.errors!.dishes).toContain('30');
  });

  it('refuses control characters in ids and text', () => {
    refused(
      bundle,
      'apiSubmitReportRepair',
      [{ location: '食堂', assetId: 'ZC-001\u0000', description: '坏了' }],
      'assetId',
    );
    refused(bundle, 'apiSubmitStockMove', [{ type: 'issue', itemId: 'WZ-01\n', quantity: 1 }], 'itemId');
    refused(
      bundle,
      'apiSubmitReportRepair',
      [{ location: '食堂', description: '坏了\u0007\u001b[2J' }],
      'description',
    );
  });

  it('refuses a hazard without a fix deadline and a person responsible', () => {
    const r = refused(bundle, 'apiSubmitRecordInspection', [
      { scheduleId: 'XJ-01', location: '教学楼', result: 'hazard', finding: '漏电' },
    ]);
    expect(Object.keys(r.errors!)).toEqual(expect.arrayContaining(['fixDeadline', 'responsible']));
  });

  it('refuses a malformed call as a JSON-safe answer, never a thrown error', () => {
    refused(bundle, 'apiSubmitStockMove', ['drop table']);
    refused(bundle, 'apiSubmitCanteenDaily', [null]);
    refused(bundle, 'apiShowRow', ['constructor', 2]);
    refused(bundle, 'apiShowRow', ['assets', 2.5]);
    refused(bundle, 'apiShowRow', ['assets', -1]);
    refused(bundle, 'apiShowRow', ['assets', 1e9]);
    expect(bundle.run('apiShowRow', 'assets', 2)).toEqual({ ok: true });
  });

  it('answers a failure inside the action as a refusal in the Settings language', () => {
    bundle.emu.spreadsheet.deleteSheet(bundle.emu.spreadsheet.getSheetByName('维修记录')!);
    const r = refused(bundle, 'apiSubmitReportRepair', [{ location: '食堂', description: '坏了' }]);
    expect(r.message).toMatch(/初始化/);
  });
});

describe('completing a task from the sidebar', () => {
  let bundle: Bundle;
  beforeEach(() => {
    bundle = setUp();
  });

  const tasksRows = (b: Bundle) => b.emu.spreadsheet.getSheetByName('任务')!.getDataRange().getValues();
  const results = (b: Bundle) =>
    b.emu.spreadsheet.getSheetByName('安全检查记录')!.getDataRange().getValues().slice(1);
  const statusOf = (b: Bundle, id: string) => tasksRows(b).find((r) => r[0] === id)![7];

  it('completes only the signed-in person’s own task; the office head may complete anyone’s', () => {
    bundle.emu.setActiveUser(ZHANG);
    const r = refused(bundle, 'apiCompleteTask', ['T-CAL-LI']);
    expect(r.message).toContain('李强');
    bundle.emu.setActiveUser('stranger@example.com');
    refused(bundle, 'apiCompleteTask', ['T-CAL-LI']);
    bundle.emu.setActiveUser(HEAD);
    expect(bundle.run('apiCompleteTask', 'T-CAL-LI')).toMatchObject({ ok: true });
    expect(statusOf(bundle, 'T-CAL-LI')).toBe('已完成');
  });

  it('asks an inspection task for its result and refuses an unknown one', () => {
    refused(bundle, 'apiCompleteTask', ['T-INSP-LI'], 'result');
    refused(bundle, 'apiCompleteTask', ['T-INSP-LI', 'maybe'], 'result');
    refused(bundle, 'apiCompleteTask', ['T-INSP-LI', '', '一切正常'], 'result');
    expect(bundle.run('apiCompleteTask', 'T-INSP-LI', 'pass')).toMatchObject({ ok: true });
    expect(results(bundle).map((r) => r[4])).toEqual(['合格']);
  });

  it('records a hazard only with a fix deadline and a person responsible', () => {
    const r = refused(bundle, 'apiCompleteTask', ['T-INSP-LI', 'hazard', '灭火器过期']);
    expect(Object.keys(r.errors!)).toEqual(expect.arrayContaining(['fixDeadline', 'responsible']));
    refused(
      bundle,
      'apiCompleteTask',
      ['T-INSP-LI', 'hazard', '灭火器过期', '9999-01-01', '李强'],
      'fixDeadline',
    );
    expect(
      bundle.run('apiCompleteTask', 'T-INSP-LI', 'hazard', '灭火器过期', '2026-09-10', '王芳'),
    ).toMatchObject({
      ok: true,
    });
    const row = results(bundle)[0]!;
    expect(row.slice(4, 8)).toEqual(['发现隐患', '灭火器过期', day('2026-09-10'), '王芳']);
  });

  it('limits the finding like the form’s field', () => {
    refused(bundle, 'apiCompleteTask', ['T-INSP-LI', 'pass', '问'.repeat(501)], 'finding');
  });

  it('does not complete a done task again, and says so', () => {
    const r = refused(bundle, 'apiCompleteTask', ['T-DONE-LI']);
    expect(r.message).toContain('2026-08-31');
    expect(bundle.run('apiCompleteTask', 'T-INSP-LI', 'pass')).toMatchObject({ ok: true });
    refused(bundle, 'apiCompleteTask', ['T-INSP-LI', 'pass']);
    expect(results(bundle)).toHaveLength(1);
  });

  it('refuses a task id that is not text or holds control characters', () => {
    refused(bundle, 'apiCompleteTask', [{ taskId: 'T-CAL-LI' }]);
    refused(bundle, 'apiCompleteTask', ['T-CAL-LI\u0000']);
    refused(bundle, 'apiCompleteTask', ['x'.repeat(41)]);
  });
});

describe('completing an inspection task when a write fails', () => {
  /** Makes every value write to `sheetName` throw, as a Sheets service error would; returns the undo. */
  function failWrites(emu: Emulator, sheetName: string): () => void {
    const sheet = emu.spreadsheet.getSheets()[0]!;
    const range = Object.getPrototypeOf(sheet.getRange(1, 1)) as Record<string, unknown>;
    const list = Object.getPrototypeOf(sheet.getRangeList(['A1'])) as Record<string, unknown>;
    const undo: (() => void)[] = [];
    for (const proto of [range, list])
      for (const method of ['setValue', 'setValues']) {
        const original = proto[method];
        if (typeof original !== 'function') continue;
        proto[method] = function (
          this: { getSheet?: () => { getName(): string }; getRanges?: () => unknown[] },
          ...args: unknown[]
        ) {
          const target =
            this.getSheet?.() ??
            (this.getRanges?.()[0] as { getSheet(): { getName(): string } } | undefined)?.getSheet();
          if (target?.getName() === sheetName)
            throw new Error('Service Spreadsheets failed while accessing document');
          return (original as (...a: unknown[]) => unknown).apply(this, args);
        };
        undo.push(() => (proto[method] = original));
      }
    return () => undo.forEach((u) => u());
  }

  const tasks = (b: Bundle) => b.emu.spreadsheet.getSheetByName('任务')!.getDataRange().getValues();
  const results = (b: Bundle) =>
    b.emu.spreadsheet.getSheetByName('安全检查记录')!.getDataRange().getValues().slice(1);

  it('leaves the task open when its inspection record cannot be written, and a retry records it once', () => {
    const bundle = setUp();
    const before = tasks(bundle);
    const restore = failWrites(bundle.emu, '安全检查记录');
    const reply = bundle.run('apiCompleteTask', 'T-INSP-LI', 'pass') as Reply;
    restore();
    expect(reply.ok).toBe(false);
    expect(reply.message).toContain('Service Spreadsheets failed');
    expect(tasks(bundle)).toEqual(before);
    expect(results(bundle)).toHaveLength(0);
    expect(bundle.run('apiCompleteTask', 'T-INSP-LI', 'pass')).toMatchObject({ ok: true });
    expect(results(bundle)).toHaveLength(1);
  });

  it('writes the record once when marking the task fails and the person tries again', () => {
    const bundle = setUp();
    const restore = failWrites(bundle.emu, '任务');
    expect(bundle.run('apiCompleteTask', 'T-INSP-LI', 'pass')).toMatchObject({ ok: false });
    restore();
    expect(results(bundle)).toHaveLength(1);
    expect(bundle.run('apiCompleteTask', 'T-INSP-LI', 'pass')).toMatchObject({ ok: true });
    expect(results(bundle)).toHaveLength(1);
    expect(tasks(bundle).find((r) => r[0] === 'T-INSP-LI')![7]).toBe('已完成');
  });
});
