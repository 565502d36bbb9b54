import { messages } from '../../src/core/i18n';
import type { LabelPage } from '../../src/core/requests/labels';
import { roomUrl } from '../../src/core/requests/labels';
import { deployWebApp } from '../../emulator/webapp';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, type Bundle } from '../support/bundle';
import { fillSheet } from '../support/workbook';
import { APP_URL, asset, openPage, requestWorkbook } from './requests.fixture';

/** The label dialog the menu item showed, and the labels embedded in it. */
function labelDialog(bundle: Bundle): { html: string; data: LabelPage } {
  const html = bundle.emu.ui.dialogs.at(-1)!.html;
  const json = /<script id="houqin-labels" type="application\/json">([^<]*)<\/script>/.exec(html)![1]!;
  return { html, data: JSON.parse(json) as LabelPage };
}

describe('QR labels from the menu', () => {
  it('gives every room of the register a label whose code opens its request page', () => {
    const bundle = requestWorkbook();
    const rooms = ['初一(1)班', '音乐教室', '物理实验室 (二楼 东侧)', 'Room 101 & 102', '</script><b>'];
    fillSheet(
      bundle.emu,
      'assets',
      rooms.map((room, i) => asset(`ZC-${i}`, '课桌', room)),
    );
    bundle.call('menuPrintRoomLabels');
    const { html, data } = labelDialog(bundle);
    expect(data.labels.map((l) => l.title).sort()).toEqual([...rooms].sort());
    for (const l of data.labels) expect(l.url).toBe(`${APP_URL}?room=${encodeURIComponent(l.title)}`);
    expect(data.text.title).toBe(messages('zh-CN').requests.labels.title);
    // No text of the workbook can close the data's script element, and nothing comes from outside.
    expect(html).not.toContain('</script><b>');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(/);
  });

  it('gives every asset in use a label whose code opens the form with that asset chosen', () => {
    const bundle = requestWorkbook();
    bundle.call('menuPrintAssetLabels');
    const { data } = labelDialog(bundle);
    expect(data.labels.map((l) => `${l.title} ${l.detail}`)).toEqual([
      '投影仪 ZC-001 · 初一(1)班',
      '空调 ZC-002 · 初一(1)班',
      '钢琴 ZC-003 · 音乐教室',
    ]);
    const url = data.labels[1]!.url;
    expect(url).toBe(roomUrl(APP_URL, '初一(1)班', 'ZC-002'));
    expect(url).toBe(`${APP_URL}?room=${encodeURIComponent('初一(1)班')}&asset=ZC-002`);
    const parameter = Object.fromEntries(new URL(url).searchParams);
    expect(openPage(bundle, parameter).data).toMatchObject({ asset: 'ZC-002', room: { room: '初一(1)班' } });
    // An asset the room does not hold is not chosen.
    expect(openPage(bundle, { ...parameter, asset: 'ZC-003' }).data.asset).toBe('');
  });

  it('says so when the web app is not deployed, rather than printing codes that lead nowhere', () => {
    const bundle = requestWorkbook();
    deployWebApp(bundle.emu, null);
    bundle.call('menuPrintRoomLabels');
    expect(bundle.emu.ui.dialogs).toHaveLength(0);
    expect(bundle.emu.ui.alerts.at(-1)?.prompt).toBe(messages('zh-CN').requests.labels.noUrl);
  });

  it('leaves the QR library out of Code.js, which every execution loads', () => {
    expect(readFileSync(join(DIST, 'Code.js'), 'utf8')).not.toContain('getModuleCount');
    expect(readFileSync(join(DIST, 'Labels.html'), 'utf8')).toContain('getModuleCount');
  });
});
