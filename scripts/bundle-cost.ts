// What loading dist/Code.js costs: Apps Script compiles and runs the whole file at the start of
// every execution (each edit, menu click and trigger), before any of Houqin's code does its work.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';

export const CODE_JS = join(__dirname, '..', 'dist', 'Code.js');

export interface ColdCost {
  /** Median over the runs of compile + top-level run, in milliseconds. */
  medianMs: number;
  runs: number;
  bytes: number;
}

/**
 * Compiles the bundle and runs its top level in a fresh context with no globals, `runs` times,
 * as a cold start would (no code cache), and reports the median.
 */
export function coldCost(code: string = readFileSync(CODE_JS, 'utf8'), runs = 21): ColdCost {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = vm.createContext({});
    const start = performance.now();
    // A distinct source per run, so V8 cannot reuse the script it compiled in the run before.
    new vm.Script(`${code}\n// cold run ${i}`, { filename: 'Code.js' }).runInContext(context);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(runs / 2)]!, runs, bytes: Buffer.byteLength(code) };
}
