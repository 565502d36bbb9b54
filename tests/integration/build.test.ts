import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { DIST } from '../support/bundle';

describe('the built artifact', () => {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');

  it('is exactly the three files Apps Script receives', () => {
    expect(readdirSync(DIST).sort()).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
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
});
