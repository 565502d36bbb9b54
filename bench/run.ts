// `npm run bench`: service calls, wall time and heap growth per operation at 1k/10k/50k rows, and
// the size of what we ship (the sidebar page also as served, with one language's text embedded).
// It prints; it never passes or fails.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator } from '../emulator';
import { openSidebarPage } from '../playground/bridge';
import { DIST, loadBundle } from '../emulator/bundle';
import { setSetting } from '../emulator/fixtures';
import { OPERATIONS } from './operations';

const SIZES = [1_000, 10_000, 50_000];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const lines = [
  '| operation | rows | service calls | getValues | setValues | time (ms) | heap growth (MB) |',
  '|---|---:|---:|---:|---:|---:|---:|',
];
for (const op of OPERATIONS) {
  for (const rows of SIZES) {
    const emu = createEmulator();
    op.prepare(emu, rows);
    const bundle = loadBundle(emu);
    gc();
    emu.calls.reset();
    const heap = process.memoryUsage().heapUsed;
    const start = performance.now();
    op.run(bundle);
    const ms = performance.now() - start;
    const grown = process.memoryUsage().heapUsed - heap;
    lines.push(
      `| ${op.name} | ${rows.toLocaleString('en')} | ${emu.calls.total()} | ${emu.calls.count('Range.getValues')} | ${emu.calls.count('Range.setValues')} | ${ms.toFixed(0)} | ${mb(Math.max(0, grown))} |`,
    );
  }
}
console.log(lines.join('\n'));
console.log('\n| dist file | bytes |\n|---|---:|');
for (const file of readdirSync(DIST).sort())
  console.log(`| ${file} | ${statSync(join(DIST, file)).size.toLocaleString('en')} |`);

const served = loadBundle(createEmulator());
served.call('menuSetUpWorkbook');
console.log('\n| sidebar page as served | bytes |\n|---|---:|');
for (const language of ['中文', 'English']) {
  setSetting(served.emu, '界面语言', language);
  console.log(
    `| Sidebar.html, ${language} | ${Buffer.byteLength(openSidebarPage(served)).toLocaleString('en')} |`,
  );
}
