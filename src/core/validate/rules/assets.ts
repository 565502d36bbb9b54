import { messages } from '../../i18n';
import { day, text, type TypedRecord } from '../../table/record';
import { has, keysOf, lookupBy, nameKey, rowRule } from '../context';
import { header, label, sheetTitle, type Problem } from '../problem';

const OPEN_REPAIR = new Set(['reported', 'in_progress']);
/**
 * 验收: an asset is registered, and its invoice reimbursed, once accepted. A row that starts the
 * acceptance (an invoice number to reimburse, say) needs all three; rows with none predate it.
 */
const ACCEPTANCE = ['acceptedBy', 'acceptedDate', 'invoiceNo'] as const;

/** Whether an acceptance column of the row is filled in (a date column with a day). */
const isFilled = (v: TypedRecord['v'], column: (typeof ACCEPTANCE)[number]): boolean =>
  (column === 'acceptedDate' ? day(v[column]) : text(v[column])) !== null;

/** Whether the row has started its acceptance: most rows have not, and are passed without a list. */
function someAccepted(v: TypedRecord['v']): boolean {
  for (let i = 0; i < ACCEPTANCE.length; i++) if (isFilled(v, ACCEPTANCE[i]!)) return true;
  return false;
}

/** Custodian on the roster; a scrapped asset keeps its row and gets a scrap date; under repair needs an open repair. */
export const assetRules = rowRule({
  sheet: 'assets',
  needs: ['roster', 'repairs'],
  lookups: [
    lookupBy('custodian', 'roster', ['name']),
    {
      sheet: 'repairs',
      columns: ['assetId', 'status'],
      when: (v) => v.status === 'under_repair' && nameKey(v.assetId) !== null,
    },
  ],
  prepare(ctx) {
    const people = keysOf(ctx.view('roster'), 'name');
    const repairs = ctx.view('repairs');
    let open: Set<string> | null = null;
    if (repairs && has(repairs, 'assetId', 'status')) {
      open = new Set();
      for (const { v } of repairs.rows) {
        const id = nameKey(v.assetId);
        if (id !== null && OPEN_REPAIR.has(String(v.status))) open.add(id);
      }
    }
    // An empty Roster is a sheet not filled in yet, not a list every custodian is missing from.
    return {
      roster: people && people.size > 0 ? people : null,
      open,
      acceptance: has(ctx.view('assets')!, ...ACCEPTANCE),
    };
  },
  row(record, at) {
    const { v } = record;
    const { roster, open, acceptance } = at.found;
    const out: Problem[] = at.reference(record, 'custodian', roster, 'roster');
    if (v.status === 'scrapped') out.push(...at.requiredWhen(record, 'scrapDate', 'status', 'assetStatus'));
    // Acceptance before registration: a row with some of 验收人 / 验收日期 / 发票号 but not all.
    if (acceptance && v.status !== 'scrapped' && someAccepted(v)) {
      const missing = ACCEPTANCE.filter((c) => !isFilled(v, c));
      if (missing.length)
        out.push(
          at.problem(
            record,
            missing[0]!,
            'notAccepted',
            {
              missing: (lang) =>
                missing.map((c) => header('assets', c)(lang)).join(messages(lang).validation.listSeparator),
            },
            'warning',
          ),
        );
    }
    const id = v.status === 'under_repair' ? nameKey(v.assetId) : null;
    if (open && id !== null && !open.has(id))
      out.push(
        at.problem(record, 'status', 'noOpenRepair', {
          column: at.col('status'),
          value: label('assetStatus', 'under_repair'),
          sheet: sheetTitle('repairs'),
        }),
      );
    return out;
  },
});
