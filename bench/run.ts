// `npm run bench`: per operation and size, service calls, cells read, the main thread's CPU time
// split between the bundle (core + shell), garbage collection and the emulator, all threads' CPU
// time, wall time and heap growth; then the bundle's
// cold start and the size of what we ship (the sidebar page also as served, with one language's
// text embedded). Rows print as they are measured. It prints; it never passes or fails.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../emulator';
import { openSidebarPage } from '../playground/bridge';
import { DIST, loadBundle } from '../emulator/bundle';
import { setSetting } from '../emulator/fixtures';
import { coldStartMs } from './cold';
import { MAIN_THREAD_MEASURED } from './cpu';
import { OPERATIONS } from './operations';
import { profiled } from './profile';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const ms = (n: number) => n.toFixed(0);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const count = (n: number) => n.toLocaleString('en');
const table = (...headers: string[]) =>
  console.log(
    `| ${headers.join(' | ')} |\n|---|${headers
      .slice(1)
      .map(() => '---:|')
      .join('')}`,
  );

console.log(
  `Houqin benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${availableParallelism()} cores; ${MAIN_THREAD_MEASURED ? "the main thread's CPU time, which core, GC and emulator share" : "no per-thread CPU time on this system: the whole process's stands in and overstates core, GC and emulator"}\n`,
);
table(
  'operation',
  'rows',
  'service calls',
  'cells read',
  'main thread CPU (ms)',
  'core (ms)',
  'GC (ms)',
  'emulator (ms)',
  'all threads CPU (ms)',
  'wall (ms)',
  'heap growth (MB)',
  'outcome',
);
for (const op of OPERATIONS.filter(
  (o) => !process.env.BENCH_ONLY || o.name.includes(process.env.BENCH_ONLY),
)) {
  for (const rows of op.sizes) {
    const bundle = loadBundle(createEmulator());
    op.prepare(bundle, rows);
    gc();
    bundle.emu.calls.reset();
    const heap = process.memoryUsage().heapUsed;
    const cpu = profiled(() => op.run(bundle, rows));
    const grown = process.memoryUsage().heapUsed - heap;
    const { calls } = bundle.emu;
    console.log(
      `| ${op.name} | ${count(rows)} | ${calls.total()} | ${count(calls.cellsRead())} | ${ms(cpu.mainMs)} | ${ms(cpu.coreMs)} | ${ms(cpu.gcMs)} | ${ms(cpu.emulatorMs)} | ${ms(cpu.cpuMs)} | ${ms(cpu.wallMs)} | ${mb(Math.max(0, grown))} | ${op.outcome?.(bundle.emu) ?? ''} |`,
    );
  }
}

const cold = coldStartMs(readFileSync(join(DIST, 'Code.js'), 'utf8'));
console.log('\nCold start of Code.js in a fresh context, main thread CPU time, median of 15 runs\n');
table('compile (ms)', 'top level (ms)');
console.log(`| ${cold.compileMs.toFixed(1)} | ${cold.topLevelMs.toFixed(1)} |`);

console.log('');
table('dist file', 'bytes');
for (const file of readdirSync(DIST).sort())
  console.log(`| ${file} | ${count(statSync(join(DIST, file)).size)} |`);

const served = loadBundle(createEmulator());
served.call('menuSetUpWorkbook');
console.log('');
table('sidebar page as served', 'bytes');
for (const language of ['中文', 'English']) {
  setSetting(served.emu, '界面语言', language);
  console.log(`| Sidebar.html, ${language} | ${count(Buffer.byteLength(openSidebarPage(served)))} |`);
}
