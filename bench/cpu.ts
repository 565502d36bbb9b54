import { readFileSync } from 'node:fs';

/**
 * CPU time of the main thread, in ms, where Code.js runs. Linux's scheduler statistics give it to the
 * nanosecond (the first field of /proc/self/task/<pid>/schedstat is the time the thread has run);
 * elsewhere the whole process's CPU time stands in, which also counts V8's helper threads
 * (concurrent marking, parallel scavenges, the optimising compiler) and so overstates it.
 *
 * @example const t0 = mainThreadMs(); run(); const ms = mainThreadMs() - t0;
 */
export function mainThreadMs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  }
}

/** Whether mainThreadMs measures the main thread alone (else the whole process). */
export const MAIN_THREAD_MEASURED = (() => {
  try {
    readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8');
    return true;
  } catch {
    return false;
  }
})();
