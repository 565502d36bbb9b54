// A typed promise over google.script.run. The server's types are imported type-only: no server
// code reaches the page.
import type * as Server from '../src/server/main';

type Api = typeof Server;

interface Runner {
  withSuccessHandler(f: (result: unknown) => void): Runner;
  withFailureHandler(f: (error: Error) => void): Runner;
  [name: string]: unknown;
}
declare const google: { script: { run: Runner } };

export function call<K extends keyof Api>(name: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((result) => resolve(result as ReturnType<Api[K]>))
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
