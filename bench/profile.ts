import { Session } from 'node:inspector';
import { mainThreadMs } from './cpu';

/**
 * Where the CPU went while one operation ran. The main thread's CPU time (not wall time, which
 * other work on a shared machine inflates) is split by where its profile samples fell. Code.js runs
 * on that thread alone; V8's helper threads (concurrent marking, parallel scavenges, the optimising
 * compiler) run beside it and are shown apart, as the whole process's CPU time.
 */
export interface CpuSplit {
  /** In Code.js: the core and the Apps Script shell, what Google would run. */
  readonly coreMs: number;
  /** In the emulator, which stands in for Google's services (their cost is the call count). */
  readonly emulatorMs: number;
  /** Garbage collection on the main thread: the pauses the script waits through. */
  readonly gcMs: number;
  /** The main thread's CPU time, which core, GC and emulator share. */
  readonly mainMs: number;
  /** The whole process's CPU time, helper threads included. */
  readonly cpuMs: number;
  readonly wallMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const session = new Session();
session.connect();
// The in-process session answers synchronously.
function post<T>(method: string, params?: object): T {
  let result: T | undefined;
  let failure: Error | null = null;
  session.post(method, params, (error, answer) => {
    failure = error;
    result = answer as T;
  });
  if (failure) throw failure;
  return result as T;
}
post('Profiler.enable');
post('Profiler.setSamplingInterval', { interval: 250 });

type Part = 'core' | 'emulator' | 'gc' | 'other';

/** A sample belongs to the nearest frame with a source: built-ins count for whoever called them. */
function partsOf(profile: Profile): Map<number, Part> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const parts = new Map<number, Part>();
  const partOf = (id: number): Part => {
    const known = parts.get(id);
    if (known) return known;
    const { functionName, url } = byId.get(id)!.callFrame;
    const up = parent.get(id);
    let part: Part;
    if (functionName === '(garbage collector)') part = 'gc';
    else if (url.endsWith('Code.js')) part = 'core';
    else if (url.includes('/emulator/')) part = 'emulator';
    else if (url === '' && up !== undefined) part = partOf(up);
    else part = 'other';
    parts.set(id, part);
    return part;
  };
  for (const n of profile.nodes) partOf(n.id);
  return parts;
}

/** Runs `fn` once under the sampling profiler (an error ends the benchmark, profiler and all). */
export function profiled(fn: () => void): CpuSplit {
  post('Profiler.start');
  const cpu = process.cpuUsage();
  const main = mainThreadMs();
  const start = performance.now();
  fn();
  const wallMs = performance.now() - start;
  const mainMs = mainThreadMs() - main;
  const used = process.cpuUsage(cpu);
  const { profile } = post<{ profile: Profile }>('Profiler.stop');
  const cpuMs = (used.user + used.system) / 1000;
  const parts = partsOf(profile);
  const samples: Record<Part, number> = { core: 0, emulator: 0, gc: 0, other: 0 };
  for (const id of profile.samples) samples[parts.get(id)!]++;
  // Samples are counted, not timed: a sample's interval also holds the time the thread waited.
  const share = (part: Part) => (mainMs * samples[part]) / Math.max(1, profile.samples.length);
  return {
    coreMs: share('core'),
    emulatorMs: share('emulator'),
    gcMs: share('gc'),
    mainMs,
    cpuMs,
    wallMs,
  };
}
