import { QUICK_ACTIONS, type Plan, type ActionKey, userOf } from '../../core/sidebar';
import { typedRecords } from '../../core/table';
import type { SheetKey } from '../../core/sheets';
import { withDocumentLock } from '../adapters/lock';
import type { Table } from '../adapters/workbook';
import { refusal, type Call, type Endpoint } from './serve';
import { tellReporters } from '../requests/notify';
import { writeChanges } from './write';

/**
 * Runs a checked action under the document lock: reads the sheets its table entry names (once
 * each), lets the core plan the changes and writes them. A refusal writes nothing.
 */
function run(action: ActionKey, plan: Plan, { workbook, settings, lang, now, today }: Call) {
  return withDocumentLock(() => {
    const tz = workbook.timeZone;
    const tables: Partial<Record<SheetKey, Table>> = {};
    for (const key of ['roster' as const, ...QUICK_ACTIONS[action].reads]) {
      const table = workbook.table(key);
      if (table) tables[key] = table;
    }
    const user = userOf(typedRecords(tables.roster, tz), Session.getActiveUser().getEmail()).name;
    const outcome = plan({ now, today, timeZone: tz, settings, lang, user }, tables);
    if (!outcome.ok) return refusal(lang, outcome.errors);
    writeChanges(workbook, outcome);
    // A repair reported on the request page: its reporter hears it is done (the log keeps it once).
    if (action === 'completeRepair') tellReporters(workbook, now);
    return { message: outcome.message };
  });
}

/** The google.script.run entry point of one quick action: its table entry's schema, then its plan. */
export const quickAction = (action: ActionKey): Endpoint<[input: unknown], Plan, { message: string }> => ({
  read: ([input], call) => QUICK_ACTIONS[action].check(input, call.today, call.lang),
  handle: (plan, call) => run(action, plan, call),
});
