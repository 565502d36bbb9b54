// Imported first by every entry module. Apps Script forbids `new Function`, which zod's JIT would
// try. Modules that use zod import it as `import * as z from 'zod'`: the namespace import lets the
// bundler drop zod's locales (`import { z }`, or re-exporting the namespace, pulls in ~800 KB).
import * as z from 'zod';

z.config({ jitless: true });
