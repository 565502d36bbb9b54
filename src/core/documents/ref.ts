import * as z from 'zod/mini';
import { messages } from '../i18n';
import type { Lang } from '../lang';
import type { Checked } from '../sidebar/check';
import type { DocumentModel } from './model';
import { lazySchema } from '../zod';

/**
 * Which document a dialog shows, and its parameters: all the page sends to ask for the PDF. The
 * server rebuilds the document from the workbook with them; it never takes the page's HTML.
 */
const month = () => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));
/** A room, a custodian, a class: far longer than any real one, short enough to refuse a flood. */
const name = (min: number) => z.string().check(z.minLength(min), z.maxLength(100));

export const documentRefSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    /** who: a room or a custodian; '' = every room. */
    z.strictObject({ kind: z.literal('handover'), who: name(0) }),
    z.strictObject({ kind: z.literal('stocktake') }),
    z.strictObject({ kind: z.literal('feeNotice') }),
    z.strictObject({ kind: z.literal('feeAccounts'), month: month() }),
    z.strictObject({ kind: z.literal('agencyStatement'), className: name(1) }),
    z.strictObject({ kind: z.literal('damage'), month: month() }),
    z.strictObject({ kind: z.literal('safety'), month: month() }),
  ]),
);

export type DocumentRef = z.infer<ReturnType<typeof documentRefSchema>>;

/** The google.script.run entry points (src/server/main.ts) the dialog's PDF buttons call. */
export const PDF_ENDPOINTS = { download: 'apiDocumentPdf', email: 'apiEmailDocumentPdf' } as const;
export type DocumentKind = DocumentRef['kind'];

/** What arrives from the page, read with the schema the page's reference was made by. */
export function readDocumentRef(given: unknown, lang: Lang): Checked<DocumentRef> {
  const parsed = documentRefSchema().safeParse(given);
  return parsed.success
    ? { ok: true, values: parsed.data }
    : { ok: false, errors: { document: messages(lang).documentPdf.badRequest } };
}

/**
 * The PDF's file name (without .pdf): the document's own name, then what it is for and its
 * period when the name does not say them — 财产交接单-三年级2班-2026秋季学期.
 */
export function pdfFileName(doc: DocumentModel, ref: DocumentRef): string {
  const none = messages(doc.lang).documents.render.none;
  const allRooms = messages(doc.lang).documentPdf.allRooms;
  const parts: string[] = [doc.fileName];
  if (ref.kind === 'handover') parts.push(ref.who || allRooms);
  if (
    ref.kind === 'handover' ||
    ref.kind === 'stocktake' ||
    ref.kind === 'feeNotice' ||
    ref.kind === 'agencyStatement'
  )
    parts.push(doc.period);
  return parts
    .map((p) => p.trim())
    .filter((p, i) => p && p !== none && (i === 0 || !parts[0]!.includes(p)))
    .join('-');
}
