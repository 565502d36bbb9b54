// Imported first by every entry module. Apps Script forbids `new Function`, which zod's JIT would
// try. Modules that use zod import its tree-shakable build as `import * as z from 'zod/mini'`: the
// sidebar page carries the same schemas, and classic zod would be most of its weight.
import * as z from 'zod/mini';

z.config({ jitless: true });

/**
 * A schema built when first used, not when Code.js loads: every execution, every edit included,
 * runs the top level, and building a zod schema there costs each of them for the few that parse.
 *
 * @example const requestSchema = lazySchema(() => z.object({ id: z.string() }));
 * requestSchema().safeParse(given);
 */
export function lazySchema<T>(build: () => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build());
}
