import { findOverdue, overdueCounts, type OverdueInput } from '../../src/core/overdue';
import { tableOf } from '../../src/core/table/record';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { sheetDecl, type SheetKey } from '../../src/core/sheets';
import { stockBalances } from '../../src/core/domain/stock';
import { instantOf } from '../../src/core/time';

const TZ = 'Asia/Shanghai';
const settings = { ...DEFAULT_SETTINGS, officeHead: 'head@school.example' };

function table(key: SheetKey, rows: Record<string, unknown>[]) {
  const cols = sheetDecl(key).columns.map((c) => c.key as string);
  return tableOf(key, [cols, ...rows.map((r) => cols.map((c) => r[c] ?? ''))]);
}

function input(tables: Partial<Record<SheetKey, Record<string, unknown>[]>>): OverdueInput {
  const out: OverdueInput['tables'] = {};
  for (const [k, rows] of Object.entries(tables))
    (out as Record<string, unknown>)[k] = table(k as SheetKey, rows);
  return { timeZone: TZ, tables: out };
}

const roster = [
  { name: '王芳', role: 'electrician', email: 'wang@school.example' },
  { name: '李强', role: 'storekeeper', email: 'li@school.example' },
  { name: '陈静', role: 'canteen_manager', email: 'not-an-address' },
];
const now = instantOf('2026-09-10', TZ, 9);

describe('findOverdue', () => {
  it('finds each kind, resolves people through the Roster and sends the unassigned to the head', () => {
    const items = findOverdue(
      input({
        roster,
        repairs: [
          {
            repairId: 'BX-1',
            reportedAt: instantOf('2026-09-08', TZ, 8),
            reporter: 'x',
            location: '初一(1)班',
            description: '灯管不亮',
            assignee: '王芳',
            status: 'reported',
          },
          {
            repairId: 'BX-2',
            reportedAt: instantOf('2026-09-09', TZ, 10),
            reporter: 'x',
            location: 'a',
            description: 'b',
            assignee: '王芳',
            status: 'reported',
          },
          {
            repairId: 'BX-3',
            reportedAt: instantOf('2026-09-01', TZ, 8),
            reporter: 'x',
            location: 'a',
            description: 'done',
            status: 'done',
          },
          {
            repairId: 'BX-4',
            reportedAt: instantOf('2026-09-01', TZ, 8),
            reporter: 'x',
            location: 'a',
            description: 'c',
            contractor: true,
            status: 'in_progress',
            assignee: '外包',
          },
        ],
        inspectionSchedules: [
          {
            scheduleId: 'XJ-1',
            item: '灭火器',
            location: '全校',
            frequency: '每月',
            person: '王芳',
            nextDue: instantOf('2026-09-05', TZ),
          },
          {
            scheduleId: 'XJ-2',
            item: '宿舍',
            location: '宿舍',
            frequency: '每周一',
            role: 'storekeeper',
            nextDue: instantOf('2026-09-10', TZ),
          },
          {
            scheduleId: 'XJ-3',
            item: '旧',
            location: '旧',
            frequency: '每周',
            active: false,
            nextDue: instantOf('2026-08-01', TZ),
          },
        ],
        inspectionResults: [
          {
            date: instantOf('2026-09-01', TZ),
            location: '楼梯',
            inspector: '李强',
            result: 'hazard',
            finding: '扶手松动',
            fixDeadline: instantOf('2026-09-03', TZ),
            responsible: '王芳',
          },
          {
            date: instantOf('2026-09-01', TZ),
            location: '楼梯',
            inspector: '李强',
            result: 'hazard',
            finding: '已修',
            fixDeadline: instantOf('2026-09-03', TZ),
            fixedDate: instantOf('2026-09-02', TZ),
          },
        ],
        tasks: [
          {
            taskId: 'T1',
            dueDate: instantOf('2026-09-09', TZ),
            title: '检查门窗',
            assignee: '李强',
            status: 'todo',
          },
          {
            taskId: 'T2',
            dueDate: instantOf('2026-09-09', TZ),
            title: 'done',
            assignee: '李强',
            status: 'done',
          },
        ],
        stockMovements: [
          { date: instantOf('2026-09-01', TZ), itemId: 'WZ-1', type: 'purchase_in', quantity: 10 },
          {
            date: instantOf('2026-09-02', TZ),
            itemId: 'WZ-1',
            type: 'borrow',
            quantity: 8,
            party: '初二(1)班',
            handler: '李强',
            dueDate: instantOf('2026-09-07', TZ),
          },
        ],
        stockItems: [{ itemId: 'WZ-1', name: '篮球', minStock: 5 }],
        supplierCertificates: [
          { supplier: '绿源蔬菜', certificate: '营业执照', expiry: instantOf('2026-09-20', TZ) },
        ],
      }),
      now,
      settings,
    );
    const byKey = new Map(items.map((i) => [i.key, i]));
    expect(byKey.size).toBe(8);
    expect([...byKey.keys()]).toEqual(
      expect.arrayContaining([
        'repair:BX-1',
        'repair:BX-4',
        'inspection:XJ-1',
        'task:T1',
        expect.stringMatching(/^hazard:2026-09-01-/),
        expect.stringMatching(/^loan:WZ-1-2026-09-02-/),
        'lowStock:WZ-1',
        'certificate:supplier-绿源蔬菜-营业执照-2026-09-20',
      ]),
    );
    expect(byKey.get('repair:BX-1')).toMatchObject({
      email: 'wang@school.example',
      toHead: false,
      row: 2,
      daysOverdue: 1,
    });
    expect(byKey.get('repair:BX-4')).toMatchObject({
      email: 'head@school.example',
      toHead: true,
      person: '外包',
    });
    expect(byKey.get('task:T1')).toMatchObject({
      email: 'li@school.example',
      due: '2026-09-09',
      daysOverdue: 1,
    });
    // Invalid address in the Roster: the head gets it.
    expect(byKey.get('certificate:supplier-绿源蔬菜-营业执照-2026-09-20')).toMatchObject({
      email: 'head@school.example',
      daysOverdue: -10,
    });
    // Oldest first.
    const dues = items.map((i) => i.due);
    expect(dues).toEqual([...dues].sort());
    expect(overdueCounts(items)).toEqual({
      duty: 0,
      leaver: 0,
      repair: 2,
      hazard: 1,
      inspection: 1,
      task: 1,
      loan: 1,
      certificate: 1,
      lowStock: 1,
    });
  });

  it('never crashes on unreadable cells and treats a missing sheet as nothing late', () => {
    const items = findOverdue(
      input({
        repairs: [{ repairId: 'X', reportedAt: '昨天', status: '???' }],
        tasks: [{ dueDate: 'soon', status: 'todo' }],
      }),
      now,
      settings,
    );
    expect(items).toEqual([]);
  });

  it('counts days in the school time zone, whatever the process zone', () => {
    const late = instantOf('2026-09-10', TZ, 0, 30); // 16:30 UTC on the 9th
    const items = findOverdue(
      input({ tasks: [{ taskId: 'T', dueDate: instantOf('2026-09-09', TZ), title: 't', status: 'todo' }] }),
      late,
      settings,
    );
    expect(items[0]?.daysOverdue).toBe(1);
  });
});

describe('stockBalances', () => {
  it('runs movements in date order and lets a stocktake set the count', () => {
    const b = stockBalances([
      { date: '2026-09-03', itemId: 'A', type: 'issue', quantity: 2 },
      { date: '2026-09-01', itemId: 'A', type: 'purchase_in', quantity: 10 },
      { date: '2026-09-04', itemId: 'A', type: 'adjust', quantity: 7 },
      { date: '2026-09-05', itemId: 'A', type: 'return', quantity: 1 },
    ]);
    expect(b.get('A')).toBe(8);
  });

  it('tells the office head about staff leaving with borrowed items out or assets in their keeping', () => {
    const items = findOverdue(
      input({
        roster: [
          { name: '王芳', role: 'head', email: 'wang@school.example' },
          { name: '李强', role: 'teacher', leftDate: '2026-09-08' },
          { name: '赵敏', role: 'teacher', leftDate: '2026-09-05' },
          { name: '孙丽', role: 'teacher', leftDate: '2026-12-31' },
        ],
        stockMovements: [
          {
            date: '2026-09-01',
            itemId: 'W1',
            type: 'borrow',
            quantity: 1,
            party: '李强',
            dueDate: '2026-09-20',
          },
          {
            date: '2026-09-01',
            itemId: 'W2',
            type: 'borrow',
            quantity: 1,
            party: '李强',
            returnedDate: '2026-09-03',
          },
          {
            date: '2026-09-01',
            itemId: 'W1',
            type: 'borrow',
            quantity: 1,
            party: '孙丽',
            dueDate: '2026-09-20',
          },
        ],
        assets: [
          { assetId: 'A1', custodian: '李强', status: 'in_use' },
          { assetId: 'A2', custodian: '李强', status: 'in_use' },
          { assetId: 'A3', custodian: '赵敏', status: 'scrapped' },
        ],
      }),
      now,
      settings,
    ).filter((i) => i.kind === 'leaver');
    // 赵敏 keeps only a scrapped asset; 孙丽 leaves after the lead days.
    expect(items.map((i) => [i.title, i.email, i.daysOverdue])).toEqual([
      ['李强（2026-09-08 离校）：未归还借用 1 件，仍保管资产 2 件，请收回或移交', 'wang@school.example', 2],
    ]);
  });
});
