import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './browser';

/** A printed document as poppler (Debian's poppler-utils) reads it back. */
export interface PrintedPdf {
  readonly path: string;
  /** "595.276 x 841.89 pts (A4)" as pdfinfo says it. */
  readonly pageSize: string;
  /** Each page's text, in reading order (pdftotext -layout). */
  readonly pages: readonly string[];
  /** The PNG of each page (pdftoppm), for a person to look at. */
  readonly pngs: readonly string[];
}

/**
 * Prints `html` to PDF at A4 in Chromium, as the office's browser would (CSS page size and margins
 * honoured, backgrounds kept), then reads it back with pdfinfo, pdftotext and pdftoppm.
 */
export async function printToPdf(page: Page, html: string, name: string): Promise<PrintedPdf> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  const path = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(path, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
  const pageSize = /^Page size:\s+(.+)$/m.exec(info)![1]!.trim();
  const pages = Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-'], {
      encoding: 'utf8',
    }),
  );
  // The pages of an earlier, longer print of the same name would mislead whoever looks.
  for (const f of readdirSync(ARTIFACTS))
    if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(ARTIFACTS, f));
  execFileSync('pdftoppm', ['-png', '-r', '50', path, join(ARTIFACTS, name)]);
  const digits = String(count).length;
  const pngs = Array.from({ length: count }, (_, i) =>
    join(ARTIFACTS, `${name}-${String(i + 1).padStart(digits, '0')}.png`),
  );
  return { path, pageSize, pages, pngs };
}
