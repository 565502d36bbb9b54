import { escapeHtml } from '../html';
import { messages } from '../i18n';
import type { Block, Cell, Column, DocumentModel, TableBlock } from './model';
import { PDF_ENDPOINTS, type DocumentRef } from './ref';

/**
 * Chinese that prints on every office computer: Microsoft YaHei / SimSun (Windows), PingFang SC /
 * Hiragino Sans GB (macOS), Noto Sans CJK SC (ChromeOS, Linux), then the system's sans-serif.
 */
export const DOCUMENT_FONTS =
  '"Microsoft YaHei","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",SimSun,sans-serif';

export interface RenderOptions {
  /** The dialog's version: a Print button (not printed) above the page. */
  readonly printButton?: boolean;
  /**
   * The dialog's PDF buttons (下载 PDF, 发送 PDF 到我的邮箱), beside Print and not printed: the page
   * sends this reference, never its HTML, and the server rebuilds the document from the workbook.
   */
  readonly pdf?: DocumentRef;
}

/**
 * A CSS string literal, quoted safely: `<` escaped too, so no text (a school's name included) can
 * close the <style> element it stands in.
 */
const cssString = (s: string) =>
  `"${s
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/</g, '\\3c ')
    .replace(/\n/g, ' ')}"`;

/** `第 {page} 页，共 {pages} 页` as a CSS `content` value with the page counters in place. */
function pageContent(template: string): string {
  return template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

/** The page footer where page counters are not supported: the school, the document and its period. */
function footerText(doc: DocumentModel): string {
  return [doc.school, doc.title, doc.period].filter(Boolean).join('　');
}

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The dialog's own script (plain ES5, no build step): asks the server for the PDF of `ref` through
 * google.script.run, then saves the bytes as a file or says where it was sent; every step and every
 * failure is said in the status line, which screen readers announce.
 */
const PDF_SCRIPT = [
  '(function () {',
  "  var data = JSON.parse(document.getElementById('houqin-pdf').textContent);",
  '  var t = data.text;',
  "  var status = document.getElementById('houqin-pdf-status');",
  "  var buttons = document.querySelectorAll('button[data-pdf]');",
  "  function say(text, error) { status.textContent = text; status.className = error ? 'status error' : 'status'; }",
  '  function busy(on) { for (var i = 0; i < buttons.length; i++) buttons[i].disabled = on; }',
  "  function fill(s, k, v) { return s.split('{' + k + '}').join(v); }",
  '  function save(reply) {',
  '    var text = atob(reply.base64);',
  '    var bytes = new Uint8Array(text.length);',
  '    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);',
  "    var url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));",
  "    var a = document.createElement('a');",
  '    a.href = url;',
  '    a.download = reply.fileName;',
  "    a.style.display = 'none';",
  '    document.body.appendChild(a);',
  '    a.click();',
  '    document.body.removeChild(a);',
  '    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);',
  "    return fill(t.downloaded, 'file', reply.fileName);",
  '  }',
  '  function run(button) {',
  "    var how = button.getAttribute('data-pdf');",
  '    var api = window.google && google.script && google.script.run;',
  '    if (!api) return say(t.unavailable, true);',
  '    busy(true);',
  "    say(how === 'email' ? t.sending : t.making);",
  '    api',
  '      .withSuccessHandler(function (reply) {',
  '        busy(false);',
  "        if (!reply || reply.ok !== true) return say((reply && reply.message) || fill(t.failed, 'message', ''), true);",
  "        try { say(how === 'email' ? reply.message : save(reply)); }",
  "        catch (e) { say(fill(t.failed, 'message', (e && e.message) || String(e)), true); }",
  '      })',
  '      .withFailureHandler(function (e) {',
  '        busy(false);',
  "        say(fill(t.failed, 'message', (e && e.message) || String(e)), true);",
  '      })',
  '      [data.endpoints[how]](data.ref);',
  '  }',
  '  for (var i = 0; i < buttons.length; i++)',
  "    buttons[i].addEventListener('click', function (event) { run(event.currentTarget); });",
  '})();',
].join('\n');

/** Print, and with a reference the two PDF buttons and their status line: none of it printed. */
function dialogToolbar(doc: DocumentModel, ref: DocumentRef | undefined): string {
  const m = messages(doc.lang);
  const print = `<button type="button" onclick="window.print()">${escapeHtml(m.documents.render.print)}</button>`;
  const hint = `<span>${escapeHtml(m.documents.render.printHint)}</span>`;
  if (!ref) return `<div class="toolbar">${print}${hint}</div>`;
  const p = m.documentPdf;
  const text = {
    making: p.making,
    sending: p.sending,
    downloaded: p.downloaded,
    failed: p.failed,
    unavailable: p.unavailable,
  };
  return `<div class="toolbar">${print}<button type="button" data-pdf="download">${escapeHtml(p.download)}</button><button type="button" data-pdf="email">${escapeHtml(p.email)}</button>${hint}<p id="houqin-pdf-status" class="status" role="status" aria-live="polite"></p></div>
<script type="application/json" id="houqin-pdf">${scriptJson({ ref, text, endpoints: PDF_ENDPOINTS })}</script>
<script>${PDF_SCRIPT}</script>`;
}

const ALIGN = { left: 'l', right: 'r', center: 'c' } as const;

function cls(column: Column | undefined): string {
  return column?.align ? ` class="${ALIGN[column.align]}"` : '';
}

const cell = (value: Cell) => escapeHtml(typeof value === 'number' ? String(value) : value);

function table(block: TableBlock): string {
  if (!block.rows.length) return `<p class="empty">${escapeHtml(block.empty)}</p>`;
  const cols = block.columns
    .map((c) => (c.width ? `<col style="width:${escapeHtml(c.width)}">` : '<col>'))
    .join('');
  const head = block.columns.map((c) => `<th${cls(c)}>${escapeHtml(c.label)}</th>`).join('');
  const row = (cells: readonly Cell[]) =>
    cells.map((v, i) => `<td${cls(block.columns[i])}>${cell(v)}</td>`).join('');
  const body = block.rows.map((r) => `<tr>${row(r)}</tr>`).join('\n');
  const foot = block.totals ? `<tfoot><tr class="total">${row(block.totals)}</tr></tfoot>` : '';
  // <thead> repeats on every printed page; <tfoot> only closes the table (see the CSS).
  return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${foot}</table>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'table':
      return table(b);
    case 'facts':
      return `<dl class="facts">${b.items
        .map((i) => `<div><dt>${escapeHtml(i.label)}</dt><dd>${cell(i.value)}</dd></div>`)
        .join('')}</dl>`;
    case 'text':
      return `<p${b.tone === 'notice' ? ' class="notice"' : ''}>${escapeHtml(b.text)}</p>`;
  }
}

/**
 * Any document as one print-ready HTML page: A4, the school's name, title and period on top, page
 * numbers at the foot of every page, table headers repeated on each page, long text wrapped inside
 * its cell, signature and date lines at the end. Every value is escaped.
 */
export function renderDocument(doc: DocumentModel, options: RenderOptions = {}): string {
  const m = messages(doc.lang).documents.render;
  const meta = [...doc.meta, { label: m.period, value: doc.period }, { label: m.issued, value: doc.issued }]
    .map((i) => `<span><b>${escapeHtml(i.label)}</b>${cell(i.value)}</span>`)
    .join('');
  const signing = (who: readonly string[]) =>
    who.length
      ? `<div class="signatures">${who
          .map(
            (w) =>
              `<div class="sign"><span>${escapeHtml(w)}${escapeHtml(m.sign)}</span><i></i><span>${escapeHtml(m.date)}</span><i class="short"></i></div>`,
          )
          .join('')}</div>`
      : '';
  // A section on its own sheet of paper names the school, the document and the period again.
  const again = `<p class="again">${[doc.school, doc.title, doc.period].filter(Boolean).map(escapeHtml).join('　')}</p>`;
  const sections = doc.sections
    .map(
      (s) =>
        `<section${s.newPage ? ' class="new-page"' : ''}>${s.newPage ? again : ''}<h2>${escapeHtml(s.heading)}</h2>${s.blocks.map(block).join('\n')}${signing(s.signatures ?? [])}</section>`,
    )
    .join('\n');
  const signatures = signing(doc.signatures);
  const toolbar = options.printButton || options.pdf ? dialogToolbar(doc, options.pdf) : '';
  return `<!DOCTYPE html>
<html lang="${doc.lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<title>${escapeHtml(doc.title)}</title>
<style>
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-center { content: ${cssString(footerText(doc))}; content: ${pageContent(m.page)}; font-size: 9pt; color: #444; font-family: ${DOCUMENT_FONTS}; } }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${DOCUMENT_FONTS}; font-size: 10.5pt; line-height: 1.5; color: #000; }
.page { max-width: 182mm; margin: 0 auto; }
.school { text-align: center; font-size: 12pt; margin: 0; }
h1 { text-align: center; font-size: 16pt; margin: 2mm 0 3mm; letter-spacing: 0.1em; }
.meta { display: flex; flex-wrap: wrap; gap: 1mm 6mm; margin-bottom: 3mm; }
.meta span, dd, td, th, p { overflow-wrap: anywhere; word-break: break-word; }
.meta b { font-weight: normal; color: #333; margin-right: 1mm; }
.meta b::after { content: "："; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1mm 0 2mm; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: bold; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.r { text-align: right; } .c { text-align: center; }
tr.total td { font-weight: bold; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(52mm, 1fr)); gap: 1mm 4mm; margin: 1mm 0 2mm; }
.facts div { display: flex; gap: 2mm; border-bottom: 0.4pt solid #999; }
.facts dt { color: #333; } .facts dd { margin: 0 0 0 auto; font-weight: bold; }
.empty { color: #333; font-style: italic; }
.notice { border: 1pt solid #000; padding: 2mm 3mm; font-weight: bold; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm 10mm; margin-top: 10mm; break-inside: avoid; page-break-inside: avoid; }
.sign { display: flex; align-items: flex-end; gap: 1mm; white-space: nowrap; }
.sign i { display: inline-block; width: 20mm; flex: 1; border-bottom: 0.6pt solid #000; min-width: 20mm; height: 6mm; }
.sign i.short { width: 26mm; flex: 0 0 26mm; }
.new-page { break-before: page; page-break-before: always; }
.again { text-align: center; font-size: 11pt; margin: 0 0 2mm; }
section .signatures { margin-top: 6mm; }
.toolbar { position: sticky; top: 0; background: #f1f3f4; padding: 8px; display: flex; gap: 12px; align-items: center; font-size: 13px; }
.toolbar { flex-wrap: wrap; z-index: 1; }
.toolbar button { font: inherit; padding: 6px 18px; cursor: pointer; }
.toolbar button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.toolbar button:disabled { cursor: progress; }
.toolbar .status { flex-basis: 100%; margin: 0; min-height: 1.5em; }
.toolbar .status.error { color: #b3261e; font-weight: bold; }
@media screen { .page { padding: 12px; } }
@media print { .toolbar, .toolbar * { display: none !important; } }
</style></head>
<body>${toolbar}<div class="page">
${doc.school ? `<p class="school">${escapeHtml(doc.school)}</p>` : ''}<h1>${escapeHtml(doc.title)}</h1>
<div class="meta">${meta}</div>
${sections}
${signatures}
</div></body></html>`;
}
