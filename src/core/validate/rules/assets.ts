import { header, label, makeProblem, sheetTitle, whenValue, type Problem } from '../problem';
import { messages } from '../../i18n';
import { day, has, keysOf, nameKey, missingReference, text, type Rule } from '../context';

const OPEN_REPAIR = new Set(['reported', 'in_progress']);
/**
 * 验收: an asset is registered, and its invoice reimbursed, once accepted. A row that starts the
 * acceptance (an invoice number to reimburse, say) needs all three; rows with none predate it.
 */
const ACCEPTANCE = ['acceptedBy', 'acceptedDate', 'invoiceNo'] as const;

/** Custodian on the roster; a scrapped asset keeps its row and gets a scrap date; under repair needs an open repair. */
export const assetRules: Rule = {
  sheet: 'assets',
  needs: ['roster', 'repairs'],
  check(ctx) {
    const assets = ctx.view('assets');
    if (!assets) return [];
    const people = keysOf(ctx.view('roster'), 'name');
    const repairs = ctx.view('repairs');
    let open: Set<string> | null = null;
    if (repairs && has(repairs, 'assetId', 'status')) {
      open = new Set();
      for (const r of repairs.rows) {
        const id = nameKey(r.values.assetId);
        if (id !== null && OPEN_REPAIR.has(String(r.values.status))) open.add(id);
      }
    }
    const out: Problem[] = [];
    // An empty Roster is a sheet not filled in yet, not a list every custodian is missing from.
    const roster = people && people.size > 0 ? people : null;
    for (const record of assets.rows) {
      const { row, values } = record;
      out.push(...missingReference('assets', record, 'custodian', roster, 'roster'));
      if (values.status === 'scrapped' && has(assets, 'scrapDate') && values.scrapDate === null)
        out.push(
          makeProblem('assets', row, 'scrapDate', 'requiredWhen', {
            column: header('assets', 'scrapDate'),
            when: whenValue('assets', 'status', label('assetStatus', 'scrapped')),
          }),
        );
      if (has(assets, ...ACCEPTANCE) && values.status !== 'scrapped') {
        const missing = ACCEPTANCE.filter(
          (c) => (c === 'acceptedDate' ? day(values[c]) : text(values[c])) === null,
        );
        if (missing.length && missing.length < ACCEPTANCE.length)
          out.push(
            makeProblem(
              'assets',
              row,
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
      const id = nameKey(values.assetId);
      if (values.status === 'under_repair' && open && id !== null && !open.has(id))
        out.push(
          makeProblem('assets', row, 'status', 'noOpenRepair', {
            column: header('assets', 'status'),
            value: label('assetStatus', 'under_repair'),
            sheet: sheetTitle('repairs'),
          }),
        );
    }
    return out;
  },
};
