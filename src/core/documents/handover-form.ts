import { escapeHtml } from '../html';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { enumLabel } from '../table/labels';
import { DOCUMENT_FONTS } from './render';
import { CHECK_STATES, MAX_NOTE } from './handover-result';
import type { HandoverGroup } from './handover';

/**
 * The page's only script: reads the form and sends the checks through google.script.run
 * (apiRecordHandover), then shows the server's answer. No cell value is in it; the asset ids are
 * in the escaped data attributes of the rows.
 */
const SCRIPT = `
function send(){var rows=document.querySelectorAll('tr[data-id]'),checks=[];
for(var i=0;i<rows.length;i++){var r=rows[i],s=r.querySelector('input[type=radio]:checked');
checks.push({assetId:r.getAttribute('data-id'),state:s?s.value:'present',note:r.querySelector('input[type=text]').value});}
var b=document.getElementById('send'),out=document.getElementById('out');b.disabled=true;out.textContent=b.getAttribute('data-wait');
google.script.run.withSuccessHandler(function(r){out.textContent=r.message;if(!r.ok)b.disabled=false;})
.withFailureHandler(function(e){out.textContent=String(e&&e.message||e);b.disabled=false;}).apiRecordHandover(checks);}`;

/** 记录清点结果: each asset of the lists with 在 / 缺 / 损 (在 ticked) and a note. */
export function handoverForm(groups: readonly HandoverGroup[], lang: Lang): string {
  const d = messages(lang).documents;
  const m = d.handoverResult;
  const states = CHECK_STATES.map((s) => ({ s, label: m.states[s] }));
  const body = groups
    .map((g) => {
      const rows = g.assets
        .map((a, i) => {
          const name = `c${escapeHtml(a.assetId)}`;
          const radios = states
            .map(
              ({ s, label }) =>
                `<label><input type="radio" name="${name}" value="${s}"${s === 'present' ? ' checked' : ''}>${escapeHtml(label)}</label>`,
            )
            .join(' ');
          return `<tr data-id="${escapeHtml(a.assetId)}"><td>${i + 1}</td><td>${escapeHtml(a.assetId)}</td><td>${escapeHtml(a.name)}</td><td>${escapeHtml(a.status ? enumLabel(lang, 'assetStatus', a.status as never) : '')}</td><td class="s">${radios}</td><td><input type="text" maxlength="${MAX_NOTE}" aria-label="${escapeHtml(m.note)}"></td></tr>`;
        })
        .join('');
      const heading = fill(d.handover.heading, {
        location: g.location || d.render.none,
        custodian: g.custodian || d.render.none,
      });
      return `<h2>${escapeHtml(heading)}</h2><table><thead><tr><th>${escapeHtml(d.handover.columns.no)}</th><th>${escapeHtml(d.handover.columns.assetId)}</th><th>${escapeHtml(d.handover.columns.name)}</th><th>${escapeHtml(d.handover.columns.status)}</th><th>${escapeHtml(m.result)}</th><th>${escapeHtml(m.note)}</th></tr></thead><tbody>${rows}</tbody></table>`;
    })
    .join('');
  return `<!DOCTYPE html><html lang="${lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><style>
body{font-family:${DOCUMENT_FONTS};font-size:13px;margin:8px;color:#202124}
h2{font-size:14px;margin:12px 0 4px}table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #dadce0;padding:3px 5px;text-align:left;vertical-align:middle;overflow-wrap:anywhere}
th{background:#f1f3f4}td.s{white-space:nowrap}td input[type=text]{width:100%;box-sizing:border-box}
.bar{position:sticky;bottom:0;background:#fff;padding:8px 0;display:flex;gap:12px;align-items:center}
button{font:inherit;padding:6px 18px}
</style></head><body><p>${escapeHtml(m.intro)}</p>${body}
<div class="bar"><button id="send" type="button" onclick="send()" data-wait="${escapeHtml(m.sending)}">${escapeHtml(m.submit)}</button><span id="out" role="status"></span></div>
<script>${SCRIPT}</script></body></html>`;
}
