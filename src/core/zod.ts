// Imported first by every entry module. Apps Script forbids `new Function`, which zod's JIT would
// try; the namespace import keeps zod's locales out of the bundle (`import { z }` pulls ~800 KB).
import * as z from 'zod';

z.config({ jitless: true });

export { z };
