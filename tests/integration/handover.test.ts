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
    expect(html).not.toContain('<script>');
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
