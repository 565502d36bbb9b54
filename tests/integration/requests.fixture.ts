import { createEmulator } from '../../emulator';
import { deployWebApp } from '../../emulator/webapp';
import type { RequestPageData, RequestResult } from '../../src/server/requests/api';
import { loadBundle, type Bundle } from '../support/bundle';
import { fillSheet, setSetting } from '../support/workbook';

export const APP_URL = 'https://script.google.com/a/macros/school.example/s/emulated/exec';
export const ROOM = '初一(1)班';

/** A set-up workbook with a roster (head, electrician), two rooms' assets and the web app deployed. */
export function requestWorkbook(options: { activeUser?: string; lang?: 'en' } = {}): Bundle {
  const emu = createEmulator({
    now: '2026-09-01T08:00:00+08:00',
    timeZone: 'Asia/Shanghai',
    activeUser: options.activeUser ?? 'teacher@school.example',
  });
  const bundle = loadBundle(emu);
  bundle.open();
  bundle.call('menuSetUpWorkbook');
  fillSheet(emu, 'roster', [
    { name: '王芳', role: '总务主任', email: 'head@school.example', onDuty: true },
    { name: '李强', role: '水电工', email: 'li@school.example', onDuty: true },
    { name: '张老师', role: '教师', email: 'teacher@school.example', onDuty: true },
  ]);
  fillSheet(emu, 'assets', [
    asset('ZC-001', '投影仪', ROOM),
    asset('ZC-002', '空调', ROOM),
    asset('ZC-003', '钢琴', '音乐教室'),
  ]);
  setSetting(emu, '总务主任邮箱', 'head@school.example');
  if (options.lang) setSetting(emu, '界面语言', 'English');
  deployWebApp(emu, APP_URL);
  return bundle;
}

export function asset(assetId: string, name: string, location: string) {
  return { assetId, name, category: '电教/信息设备', location, custodian: '王芳', status: '在用' };
}

/** doGet as Google calls it: the HTML served and the data embedded in it. */
export function openPage(
  bundle: Bundle,
  parameter: Record<string, string>,
): { html: string; data: RequestPageData } {
  const out = bundle.call('doGet', [
    { parameter, queryString: new URLSearchParams(parameter).toString() },
  ]) as {
    getContent(): string;
  };
  const html = out.getContent();
  const json = /<script id="houqin-request" type="application\/json">([^<]*)<\/script>/.exec(html)![1]!;
  return { html, data: JSON.parse(json) as RequestPageData };
}

export const REQUEST = {
  room: ROOM,
  assetId: 'ZC-001',
  description: '投影仪不亮',
  urgency: 'teaching',
  name: '张老师',
  group: '初一(1)班',
  contact: '13800138000',
  nonce: 'n-1',
  trap: '',
};

export const submit = (bundle: Bundle, input: Record<string, unknown>) =>
  bundle.run('apiSubmitRequest', input) as RequestResult;

export const repairRows = (bundle: Bundle) =>
  bundle.emu.spreadsheet.getSheetByName('维修记录')!.getDataRange().getValues().slice(1);
