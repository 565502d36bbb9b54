import {
  fullDate,
  pdfFileName,
  readDocumentRef,
  renderDocument,
  type DocumentModel,
  type DocumentRef,
} from '../../core/documents';
import { escapeHtml } from '../../core/html';
import { fill, messages } from '../../core/i18n';
import type { Lang } from '../../core/lang';
import { parseMonth } from '../../core/tasks';
import { remainingQuota, sendMail } from '../adapters/mail';
import type { Workbook } from '../adapters/workbook';
import { refused, type Endpoint } from '../sidebar/serve';
import { composeDamage } from './damage';
import { composeAgencyStatement, composeFeeAccounts, composeFeeNotice } from './fees';
import { composeHandover } from './handover';
import { htmlToPdf } from './pdf';
import { composeSafetyReport } from './safety';
import { composeCountSheet } from './stocktake';

type Composed = { ok: true; doc: DocumentModel } | { ok: false; message: string };

/** A crafted call is refused in the dialog's own words, without the sidebar's form wording. */
const refuse = (_errors: unknown, lang: Lang) => refused(messages(lang).documentPdf.badRequest);

/**
 * The document a dialog showed, built again from the workbook (one read of each sheet it needs) with
 * the parameters the page sent: the same functions the menu items use, so the PDF is the page.
 */
export function composeDocument(workbook: Workbook, ref: DocumentRef, now: Date): Composed {
  const lang = workbook.settings().settings.language;
  const m = messages(lang).documents;
  const month = (id: string) => parseMonth(id)!; // the schema allows YYYY-MM only
  switch (ref.kind) {
    case 'handover': {
      const { groups, doc } = composeHandover(workbook, ref.who, now);
      return groups.length
        ? { ok: true, doc }
        : { ok: false, message: fill(m.handover.notFound, { who: ref.who }) };
    }
    case 'stocktake': {
      const sheet = composeCountSheet(workbook, now);
      return sheet.ok ? sheet : { ok: false, message: sheet.text };
    }
    case 'feeNotice':
      return { ok: true, doc: composeFeeNotice(workbook, now) };
    case 'feeAccounts':
      return { ok: true, doc: composeFeeAccounts(workbook, month(ref.month), now) };
    case 'agencyStatement': {
      const doc = composeAgencyStatement(workbook, ref.className, now);
      return doc
        ? { ok: true, doc }
        : { ok: false, message: fill(m.fees.noClass, { className: ref.className }) };
    }
    case 'damage':
      return { ok: true, doc: composeDamage(workbook, month(ref.month), now) };
    case 'safety':
      return { ok: true, doc: composeSafetyReport(workbook, month(ref.month), now).doc };
  }
}

/** The document as Apps Script's own PDF: the print page without its buttons, converted by getAs. */
function pdfOf(doc: DocumentModel, ref: DocumentRef) {
  return htmlToPdf(renderDocument(doc), pdfFileName(doc, ref));
}

/**
 * 下载 PDF: the dialog's document rebuilt and converted, returned as its file name and base64 bytes
 * (google.script.run carries strings, not blobs); the page saves them as a file. Reads only.
 */
export const documentPdf: Endpoint<[ref: DocumentRef], DocumentRef, { fileName: string; base64: string }> = {
  read: ([given], { lang }) => readDocumentRef(given, lang),
  refuse,
  handle: (ref, { workbook, now }) => {
    const made = composeDocument(workbook, ref, now);
    if (!made.ok) return refused(made.message);
    const pdf = pdfOf(made.doc, ref);
    return { fileName: pdf.getName() ?? 'houqin.pdf', base64: Utilities.base64Encode(pdf.getBytes()) };
  },
};

/**
 * 发送 PDF 到我的邮箱: the same PDF as an attachment to the signed-in user only. The address and the
 * day's quota are checked first; without either nothing is sent and the reply says why.
 */
export const emailDocumentPdf: Endpoint<[ref: DocumentRef], DocumentRef, { message: string }> = {
  read: ([given], { lang }) => readDocumentRef(given, lang),
  refuse,
  handle: (ref, { workbook, settings, lang, now, today }) => {
    const p = messages(lang).documentPdf;
    const to = Session.getActiveUser().getEmail().trim();
    if (!to) return refused(p.noEmail);
    if (remainingQuota() < 1) return refused(p.quota);
    const made = composeDocument(workbook, ref, now);
    if (!made.ok) return refused(made.message);
    const { doc } = made;
    const pdf = pdfOf(doc, ref);
    const detail = ref.kind === 'handover' ? ref.who : ref.kind === 'agencyStatement' ? ref.className : '';
    const what = [detail, doc.period].filter(Boolean).join(p.separator);
    const words = { school: settings.schoolName, title: doc.title, what };
    const body = fill(p.mailBody, { ...words, date: fullDate(today, lang) });
    const outcome = sendMail(
      { to, subject: fill(p.mailSubject, words).trim(), body, htmlBody: `<p>${escapeHtml(body)}</p>` },
      messages(lang).app.name,
      [pdf],
    );
    return outcome.sent
      ? { message: fill(p.mailed, { file: pdf.getName() ?? '', to }) }
      : refused(fill(p.mailFailed, { message: outcome.error ?? '' }));
  },
};
