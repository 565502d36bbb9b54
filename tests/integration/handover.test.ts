import { createEmulator } from '../../emulator';
import type { CellValue } from '../../src/core/table/mapping';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, setSetting } from '../support/workbook';

const MENU = '打印财产交接单…';

/** `n` assets spread over 300 rooms (室101 …) and 30 custodians; every 7th scrapped. */
function assets(n: number): Record<string, CellValue>[] {
  return Array.from({ length: n }, (_, i) => ({
    assetId: `ZC-${String(i + 1).padStart(5, '0')}`,
    name: i === 0 ? '<script>alert(1)</script>' : ['投影仪', '课桌', '书架'][i % 3]!,
    category: '教学设备',
    model: `型号-${i % 9}`,
    location: `室${101 + (i % 300)}`,
    custodian: `老师${i % 30}`,
    quantity: 1 + (i % 4),
    status: i % 7 === 6 ? '已报废' : '在用',
  }));
}

function school(n: number): Bundle {
  const bundle = loadBundle(
    createEmulator({ now: new Date('2026-09-01T01:00:00Z'), timeZone: 'Asia/Shanghai' }),
  );
  bundle.open();
  bundle.clickMenu('初始化工作簿');
  setSetting(bundle.emu, '学校名称', '第一中学');
  fillSheet(bundle.emu, 'assets', assets(n));
  return bundle;
}

function print(bundle: Bundle, who: string): string {
  bundle.emu.ui.answerPrompts({ button: 'OK', text: who });
  bundle.clickMenu(MENU);
  return bundle.emu.ui.dialogs.at(-1)!.html;
}

const ids = (html: string) => [...html.matchAll(/<td>(ZC-\d+)<\/td>/g)].map((m) => m[1]);

describe('the handover list through the bundle', () => {
  it("prints one room's assets in use, exactly, with the school, a tick column and both signatures", () => {
    const bundle = school(5000);
    const html = print(bundle, '室101');
    const expected = assets(5000)
      .filter((a) => a.location === '室101' && a.status !== '已报废')
      .map((a) => a.assetId as string)
      .sort();
    expect(ids(html).sort()).toEqual(expected);
    expect(html).toContain('第一中学');
    expect(html).toContain('清点（✓ / 缺 / 损）');
    expect(html).toContain('保管人（签字）');
    expect(html).toContain('后勤处经办人（签字）');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('prints every room, a page per room and custodian, when the answer is empty', () => {
    const html = print(school(5000), '');
    expect((html.match(/<section/g) ?? []).length).toBe(300);
    expect((html.match(/class="new-page"/g) ?? []).length).toBe(299);
  });

  it('says so when nobody and no room has that name, and shows no dialog', () => {
    const bundle = school(30);
    bundle.emu.ui.answerPrompts({ button: 'OK', text: '校长室' });
    bundle.clickMenu(MENU);
    expect(bundle.emu.ui.dialogs).toHaveLength(0);
    expect(bundle.emu.ui.alerts.at(-1)!.prompt).toBe(
      '资产登记中没有存放地点或保管人为「校长室」的在册资产。',
    );
  });

  it('reads each sheet once: the same service calls for 300 and for 5,000 assets', () => {
    const calls = (n: number) => {
      const bundle = school(n);
      bundle.emu.calls.reset();
      print(bundle, '');
      return bundle.emu.calls.snapshot();
    };
    expect(calls(5000)).toEqual(calls(300));
  });
});

describe('recording a handover check through the bundle', () => {
  const JAN_20 = new Date('2027-01-20T02:00:00Z');

  function checked(): Bundle {
    const bundle = loadBundle(createEmulator({ now: JAN_20, timeZone: 'Asia/Shanghai' }));
    bundle.open();
    bundle.clickMenu('初始化工作簿');
    setSetting(bundle.emu, '总务主任邮箱', 'head@school.example');
    fillSheet(bundle.emu, 'roster', [
      { name: '王芳', role: '总务主任', email: 'head@school.example', onDuty: true },
      { name: '李强', role: '水电工', email: 'li@school.example', onDuty: true },
    ]);
    fillSheet(bundle.emu, 'assets', [
      {
        assetId: 'ZC-001',
        name: '课桌椅',
        category: '家具',
        location: '初一(1)班',
        custodian: '王芳',
        quantity: 45,
        status: '在用',
      },
      {
        assetId: 'ZC-003',
        name: '投影仪',
        category: '家具',
        location: '初一(1)班',
        custodian: '王芳',
        quantity: 1,
        status: '在用',
      },
      {
        assetId: 'ZC-005',
        name: '<b>饮水机</b>',
        category: '家具',
        location: '初一(1)班',
        custodian: '李强',
        quantity: 1,
        status: '在用',
      },
      {
        assetId: 'ZC-010',
        name: '电脑',
        category: '家具',
        location: '初一(2)班',
        custodian: '李强',
        quantity: 1,
        status: '在用',
      },
    ]);
    const due = new Date('2027-01-19T16:00:00Z'); // 2027-01-20, school time
    fillSheet(bundle.emu, 'tasks', [
      {
        taskId: 'T202701-0001',
        month: '2027-01',
        dueDate: due,
        title: '期末清点、交还班级财产：初一(1)班',
        source: '学期事务',
        ref: 'end:王芳',
        assignee: '王芳',
        status: '待办',
        key: 'term|end:王芳|2027-01-20',
      },
      {
        taskId: 'T202701-0002',
        month: '2027-01',
        dueDate: due,
        title: '期末清点、交还班级财产：初一(1)班、初一(2)班',
        source: '学期事务',
        ref: 'end:李强',
        assignee: '李强',
        status: '待办',
        key: 'term|end:李强|2027-01-20',
      },
    ]);
    return bundle;
  }

  const values = (bundle: Bundle, sheet: string) =>
    bundle.emu.spreadsheet.getSheetByName(sheet)!.getDataRange().getValues();
  const CHECKS = [
    { assetId: 'ZC-001', state: 'present', note: '' },
    { assetId: 'ZC-003', state: 'damaged', note: '灯泡不亮' },
    { assetId: 'ZC-005', state: 'missing', note: '' },
  ];

  it("shows the room's assets with 在 / 缺 / 损, then turns damaged into a repair, missing into the head's item, and closes the term tasks", () => {
    const bundle = checked();
    bundle.emu.ui.answerPrompts({ button: 'OK', text: '初一(1)班' });
    bundle.clickMenu('记录财产清点结果…');
    const form = bundle.emu.ui.dialogs.at(-1)!.html;
    expect([...form.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1])).toEqual(['ZC-005', 'ZC-001', 'ZC-003']);
    expect(form).toContain('&lt;b&gt;饮水机&lt;/b&gt;');
    expect(form).toContain('apiRecordHandover');

    const reply = bundle.run('apiRecordHandover', CHECKS) as { ok: boolean; message: string };
    expect(reply).toEqual({
      ok: true,
      message:
        '已保存 3 项：在 1 项；损坏 1 项，新建维修单 1 张；缺少 1 项，新增待核查 1 项；完成财产任务 2 项。',
    });
    const repairs = values(bundle, '维修记录').slice(1);
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toEqual(
      expect.arrayContaining([
        'BX-20270120-001',
        'ZC-003',
        '初一(1)班',
        '已报修',
        '期末清点发现损坏：投影仪（ZC-003，保管人 王芳）：灯泡不亮',
      ]),
    );
    const register = values(bundle, '固定资产');
    const status = register[0]!.indexOf('状态');
    expect(register.slice(1).map((r) => r[status])).toEqual(['在用', '维修中', '在用', '在用']);
    const tasks = values(bundle, '任务').slice(1);
    expect(tasks.map((r) => [r[0], r[3], r[6], r[7]])).toEqual([
      ['T202701-0001', '期末清点、交还班级财产：初一(1)班', '王芳', '已完成'],
      ['T202701-0002', '期末清点、交还班级财产：初一(1)班、初一(2)班', '李强', '已完成'],
      ['T202701-0003', '核查缺失财产：<b>饮水机</b>（ZC-005，初一(1)班，保管人 李强）', '王芳', '待办'],
    ]);

    // The same check again adds nothing twice.
    const again = bundle.run('apiRecordHandover', CHECKS) as { message: string };
    expect(again.message).toBe(
      '已保存 3 项：在 1 项；损坏 1 项，新建维修单 0 张；缺少 1 项，新增待核查 0 项；完成财产任务 0 项。',
    );
    expect(values(bundle, '维修记录')).toHaveLength(2);
    expect(values(bundle, '任务')).toHaveLength(4);
  });

  it('refuses a crafted call (an unknown asset, a state not offered) and writes nothing', () => {
    const bundle = checked();
    const before = JSON.stringify([
      values(bundle, '维修记录'),
      values(bundle, '任务'),
      values(bundle, '固定资产'),
    ]);
    const unknown = bundle.run('apiRecordHandover', [{ assetId: 'ZC-999', state: 'damaged', note: '' }]) as {
      ok: boolean;
      message: string;
    };
    expect(unknown).toEqual({ ok: false, message: '资产登记中找不到资产 ZC-999，没有保存任何内容。' });
    for (const bad of [
      [{ assetId: 'ZC-001', state: 'stolen' }],
      'ZC-001',
      [],
      [{ assetId: 'ZC-001', state: 'present', note: 'x\u0000' }],
    ]) {
      const reply = bundle.run('apiRecordHandover', bad) as { ok: boolean; message: string };
      expect(reply.ok).toBe(false);
      expect(reply.message).toContain('清点结果无法识别');
    }
    expect(
      JSON.stringify([values(bundle, '维修记录'), values(bundle, '任务'), values(bundle, '固定资产')]),
    ).toBe(before);
  });
});
