/**
 * The PDF of a printable page, made by Apps Script itself: a blob of the HTML converted with
 * `getAs('application/pdf')`. Blob.getAs "Return[s] the data inside this object as a blob
 * converted to the specified content type", adding ".pdf" to the name
 * (https://developers.google.com/apps-script/reference/base/blob#getAs(String)); HTML → PDF is one
 * of the conversions BlobSource names (https://developers.google.com/apps-script/reference/base/blob-source).
 * `Utilities.newBlob(data, contentType, name)` makes the HTML blob
 * (https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(String,String,String)).
 * Neither needs a scope; the PDF travels as an e-mail attachment (MailApp's `attachments` option,
 * https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)), so Houqin
 * asks for no Drive scope (see README, Permissions).
 */
export function htmlToPdf(html: string, name: string): GoogleAppsScript.Base.Blob {
  return Utilities.newBlob(html, 'text/html', `${safeFileName(name)}.html`).getAs('application/pdf');
}

/** A file name without the characters Drive, Windows and mail clients refuse. */
export function safeFileName(name: string): string {
  const printable = [...name].filter((c) => c >= ' ').join('');
  return printable.replace(/[\\/:*?"<>|]+/g, '_').slice(0, 120) || 'houqin';
}
