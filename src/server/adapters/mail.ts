import type { Mail, Outcome } from '../../core/alerts';

/** How many more recipients MailApp will take today: read before sending, to spend it well. */
export function remainingQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Sends one e-mail (HTML with its plain-text alternative). Never throws: a failure is an outcome. */
export function sendMail(
  mail: Mail,
  name: string,
  attachments?: GoogleAppsScript.Base.BlobSource[],
): Outcome {
  try {
    const { to, subject, body, htmlBody } = mail;
    MailApp.sendEmail({ to, subject, body, htmlBody, name, ...(attachments ? { attachments } : {}) });
    return { sent: true };
  } catch (error) {
    return { sent: false, error: error instanceof Error ? error.message : String(error) };
  }
}
