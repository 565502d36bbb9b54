// Imported first by every entry module. Apps Script forbids `new Function`, which zod's JIT would
// try. Modules that use zod import its tree-shakable build as `import * as z from 'zod/mini'`: the
// sidebar page carries the same schemas, and classic zod would be most of its weight.
import * as z from 'zod/mini';

z.config({ jitless: true });
