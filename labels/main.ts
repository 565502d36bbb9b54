// The QR label page (a dialog from the menu): the labels the server embedded, each code drawn here
// by the bundled QR library, laid out on A4 sheets of 24.
import { embeddedJson } from '../src/core/html';
import { LABELS_DATA_ID, LABELS_PER_SHEET, type Label, type LabelPage } from '../src/core/requests/labels';
import { qrMatrix, qrSvg } from '../src/core/requests/qr';

const data = embeddedJson<LabelPage>(document, LABELS_DATA_ID);
document.documentElement.lang = data.lang;
document.title = data.text.title;

function el(tag: string, className: string, text = ''): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

function label({ title, detail, url }: Label): HTMLElement {
  const box = el('div', 'label');
  // The SVG is made here from the code's modules only: no text of the workbook is in it.
  box.innerHTML = qrSvg(qrMatrix(url), '30mm');
  box.dataset.url = url;
  const text = el('div', 'text');
  text.append(el('b', '', title), el('span', '', detail));
  box.append(text);
  return box;
}

const bar = el('div', 'bar');
const print = el('button', '', data.text.print);
print.addEventListener('click', () => window.print());
bar.append(print, data.text.hint);
document.body.append(bar);
for (let i = 0; i < data.labels.length; i += LABELS_PER_SHEET) {
  const sheet = el('div', 'sheet');
  sheet.append(...data.labels.slice(i, i + LABELS_PER_SHEET).map(label));
  document.body.append(sheet);
}
