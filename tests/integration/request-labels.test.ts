import jsQR from 'jsqr';
import { messages } from '../../src/core/i18n';
import { roomUrl } from '../../src/core/requests/labels';
import { deployWebApp } from '../../emulator/webapp';
import { fillSheet } from '../support/workbook';
import { APP_URL, asset, openPage, requestWorkbook } from './requests.fixture';

/** Reads a label's QR code back as a phone would: the SVG's modules drawn to pixels, then decoded. */
function decode(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g))
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, at, at + 3);
      }
  return jsQR(pixels, width, width)?.data ?? null;
}

describe('QR labels from the menu', () => {
  it('prints a code for every room of the register that opens its request page', () => {
    const bundle = requestWorkbook();
    const rooms = ['初一(1)班', '音乐教室', '物理实验室 (二楼 东侧)', 'Room 101 & 102'];
    fillSheet(
      bundle.emu,
      'assets',
      rooms.map((room, i) => asset(`ZC-${i}`, '课桌', room)),
    );
    bundle.call('menuPrintRoomLabels');
    const html = bundle.emu.ui.dialogs.at(-1)!.html;
    const labels = [
      ...html.matchAll(/<div class="label">(<svg[\s\S]*?<\/svg>)<div class="text"><b>([^<]*)<\/b>/g),
    ];
    const shown = labels.map(([, , name]) => name!.replace(/&amp;/g, '&'));
    expect(shown.sort()).toEqual([...rooms].sort());
    for (const [, svg, name] of labels) {
      const room = name!.replace(/&amp;/g, '&');
      expect(decode(svg!)).toBe(roomUrl(APP_URL, room));
      expect(roomUrl(APP_URL, room)).toBe(`${APP_URL}?room=${encodeURIComponent(room)}`);
    }
    // No outside QR service: the codes are drawn in the page itself.
    expect(html).not.toMatch(/<img|src=|https?:\/\/(?!www\.w3\.org)/);
  });

  it('says so when the web app is not deployed, rather than printing codes that lead nowhere', () => {
    const bundle = requestWorkbook();
    deployWebApp(bundle.emu, null);
    bundle.call('menuPrintRoomLabels');
    expect(bundle.emu.ui.dialogs).toHaveLength(0);
    expect(bundle.emu.ui.alerts.at(-1)?.prompt).toBe(messages('zh-CN').requests.labels.noUrl);
  });

  it('prints a code per asset in use that opens the form with that asset chosen', () => {
    const bundle = requestWorkbook();
    bundle.call('menuPrintAssetLabels');
    const html = bundle.emu.ui.dialogs.at(-1)!.html;
    const labels = [
      ...html.matchAll(
        /<div class="label">(<svg[\s\S]*?<\/svg>)<div class="text"><b>([^<]*)<\/b><span>([^<]*)<\/span>/g,
      ),
    ];
    expect(labels.map(([, , name, detail]) => `${name} ${detail}`)).toEqual([
      '投影仪 ZC-001 · 初一(1)班',
      '空调 ZC-002 · 初一(1)班',
      '钢琴 ZC-003 · 音乐教室',
    ]);
    const url = decode(labels[1]![1]!)!;
    expect(url).toBe(`${APP_URL}?room=${encodeURIComponent('初一(1)班')}&asset=ZC-002`);
    const parameter = Object.fromEntries(new URL(url).searchParams);
    expect(openPage(bundle, parameter).data).toMatchObject({ asset: 'ZC-002', room: { room: '初一(1)班' } });
    // An asset the room does not hold is not chosen.
    expect(openPage(bundle, { ...parameter, asset: 'ZC-003' }).data.asset).toBe('');
  });
});
