import { renderDocument, type DocumentModel, type DocumentRef } from '../../core/documents';

/**
 * Shows a document in the print dialog every document uses: the page with its Print, 下载 PDF and
 * 发送 PDF 到我的邮箱 buttons (none of them printed). `ref` is what the PDF buttons send back so the
 * server can rebuild the same document from the workbook.
 */
export function showDocument(doc: DocumentModel, ref: DocumentRef, title: string = doc.title): void {
  const html = HtmlService.createHtmlOutput(renderDocument(doc, { printButton: true, pdf: ref }))
    .setWidth(860)
    .setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}
