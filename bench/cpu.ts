import { readFileSync } from 'node:fs';

/**
 * Nanoseconds the main thread has run, from Linux's scheduler statistics (the first field of
 * /proc/self/task/<pid>/schedstat); null where the kernel does not say.
 */
function mainThreadNs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

/** Whether mainThreadMs measures the main thread alone (else the whole process). */
export const MAIN_THREAD_MEASURED = mainThreadNs() !== null;

/**
 * CPU time of the main thread, where Code.js runs, in ms. Without the kernel's figure the whole
 * process's CPU time stands in, which also counts V8's helper threads (concurrent marking,
 * parallel scavenges, the optimising compiler) and so overstates it.
 *
 * @example const t0 = mainThreadMs(); run(); const ms = mainThreadMs() - t0;
 */
export function mainThreadMs(): number {
  const ns = mainThreadNs();
  if (ns !== null) return ns / 1e6;
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}
