import * as z from 'zod/mini';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import type { Checked } from '../sidebar/check';
import { IMPORT_TARGETS, type ImportTarget } from './fields';
import { lazySchema } from '../zod';

/** The most source columns and conflict choices a request may name: far above any real ledger. */
const MAX_COLUMNS = 500;
const MAX_CHOICES = 50_000;

/**
 * What the preview dialog sends: the source sheet, the target and the person's choices. The page
 * builds it; the server reads what arrives with this very schema before touching the workbook.
 */
export const importRequestSchema = lazySchema(() =>
  z.object({
    source: z.string().check(z.minLength(1), z.maxLength(200)),
    target: z.enum(IMPORT_TARGETS),
    mapping: z.optional(
      z.record(
        z.string().check(z.maxLength(40)),
        z.nullable(z.number().check(z.int(), z.gte(0), z.lt(MAX_COLUMNS))),
      ),
    ),
    keepExtra: z.optional(
      z.array(z.number().check(z.int(), z.gte(0), z.lt(MAX_COLUMNS))).check(z.maxLength(MAX_COLUMNS)),
    ),
    choices: z.optional(z.record(z.string().check(z.maxLength(200)), z.enum(['keep', 'take']))),
    /** The choice for every conflict the person did not choose one by one (Keep all / Take all). */
    allConflicts: z.optional(z.enum(['keep', 'take'])),
  }),
);

export type ImportRequest = z.infer<ReturnType<typeof importRequestSchema>>;

export function readImportRequest(given: unknown, lang: Lang): Checked<ImportRequest> {
  const parsed = importRequestSchema().safeParse(given);
  const bad = { ok: false as const, errors: { '': messages(lang).sidebar.errors.badRequest } };
  if (!parsed.success) return bad;
  if (Object.keys(parsed.data.choices ?? {}).length > MAX_CHOICES) return bad;
  return { ok: true, values: parsed.data };
}

/** A target's name as the dialog lists it. */
export function targetName(lang: Lang, target: ImportTarget): string {
  return messages(lang).sheets[target].name;
}

/** The fix sheet's name for a target, in the Settings language. */
export function fixSheetName(lang: Lang, target: ImportTarget): string {
  return fill(messages(lang).importing.fixSheet, { sheet: targetName(lang, target) });
}
