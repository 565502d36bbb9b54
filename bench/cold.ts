import vm from 'node:vm';
import { mainThreadMs } from './cpu';

/**
 * What every Apps Script execution pays before its handler runs: compiling Code.js and running its
 * top level, in a fresh context, in the main thread's CPU milliseconds. Median of `runs`; each
 * run's source differs by a trailing comment so V8 cannot reuse the previous compilation.
 */
export function coldStartMs(code: string, runs = 15): { compileMs: number; topLevelMs: number } {
  const compile: number[] = [];
  const topLevel: number[] = [];
  for (let i = 0; i < runs; i++) {
    const source = `${code}\n// cold run ${i} ${Date.now()}\n`;
    const context = vm.createContext({});
    const t0 = mainThreadMs();
    const script = new vm.Script(source, { filename: 'Code.js' });
    const t1 = mainThreadMs();
    script.runInContext(context);
    const t2 = mainThreadMs();
    compile.push(t1 - t0);
    topLevel.push(t2 - t1);
  }
  return { compileMs: median(compile), topLevelMs: median(topLevel) };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
