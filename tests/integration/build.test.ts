import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createEmulator } from '../../emulator';
import { DIST, loadBundle } from '../support/bundle';

const BUDGETS = JSON.parse(readFileSync(join(DIST, '..', 'budgets.json'), 'utf8')) as Record<string, unknown>;

describe('the built artifact', () => {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');

  it('is exactly the six files Apps Script receives', () => {
    expect(readdirSync(DIST).sort()).toEqual([
      'Code.js',
      'Import.html',
      'Labels.html',
      'Request.html',
      'Sidebar.html',
      'appsscript.json',
    ]);
  });

  it('is a classic script without import or export, loadable with no globals at all', () => {
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    const context = vm.createContext({});
    expect(() => new vm.Script(code).runInContext(context)).not.toThrow();
  });

  it('declares a top-level function for every export of the entry module', () => {
    const context = vm.createContext({});
    new vm.Script(code).runInContext(context);
    const exported = Object.keys(context.__houqin as object);
    expect(exported).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'menuSetUpWorkbook']));
    for (const name of exported) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('ships V8 with the Shanghai time zone and only the scopes it needs', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Shanghai');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
      ]),
    );
  });

  it('inlines the sidebar script and style into one page', () => {
    const html = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
    expect(html).not.toContain('inline:');
  });

  it('keeps zod small: no locale bundle', () => {
    expect(code).not.toMatch(/zod\/v4\/locales\/(?!en)/);
  });

  it('stays within the size budgets kept in budgets.json', () => {
    const files = Object.keys(BUDGETS).filter((k) => k.startsWith('dist/'));
    expect(files).toContain('dist/Code.js');
    for (const file of files) {
      const bytes = statSync(join(DIST, '..', file)).size;
      const budget = BUDGETS[file] as number;
      if (bytes > budget)
        throw new Error(
          `${file} is ${bytes} bytes, over its budget of ${budget}: raise it in budgets.json deliberately`,
        );
    }
  });

  it('is minified, yet a stack trace in the execution log names the functions that failed', () => {
    expect(code.split('\n').length).toBeLessThan(200);
    const emu = createEmulator();
    const bundle = loadBundle(emu);
    (emu.spreadsheet as { getSheets(): unknown }).getSheets = () => {
      throw new Error('the service failed');
    };
    // The page is told in a sentence; the execution log gets the stack.
    const reply = bundle.run('apiCheckAllSheets') as { ok: boolean; message: string };
    expect(reply.ok).toBe(false);
    expect(reply.message).toContain('the service failed');
    const stack = emu.logs.find((line) => line.startsWith('ERROR ')) ?? '';
    expect(stack).toContain('the service failed');
    // Settings are read first, through the workbook's sheet index: minified, these would be letters.
    for (const name of ['\\.index', '\\.settings', 'apiCheckAllSheets'])
      expect(stack).toMatch(new RegExp(`\\bat \\S*${name} \\(Code\\.js:`));
  });
});
