import { nextDue, parseFrequency, schoolCalendarFrom } from '../../core/calendar';
import { stockBalances } from '../../core/domain/stock';
import { fill, messages } from '../../core/i18n';
import { day, str, num, typedRecords } from '../../core/overdue/read';
import type { SheetKey } from '../../core/sheets';
import { checkCanteen, checkForm, type FieldErrors } from '../../core/sidebar/check';
import { FORM_FIELDS, formColumns, type ActionKey } from '../../core/sidebar/forms';
import * as actions from '../../core/sidebar/records';
import { dayOf } from '../../core/time';
import { withDocumentLock } from '../adapters/lock';
import { errorText } from '../adapters/ui';
import { Workbook } from '../adapters/workbook';
import type { SubmitResult } from './api';
import { activeUserName } from './user';
import { writeChanges } from './write';

function refused(lang: Parameters<typeof messages>[0], errors: FieldErrors): SubmitResult {
  const m = messages(lang).sidebar.errors;
  const details = Object.values(errors).join('; ') || m.badRequest;
  return { ok: false, message: fill(m.refused, { details }), errors };
}

/**
 * One quick action, end to end: the input is re-read with the same schema the page used (a
 * crafted call gets the same refusals), then, under the document lock, the sheets it needs are read
 * once, the core computes the changes and they are written. A refusal writes nothing.
 */
export function submitAction(action: ActionKey, input: unknown): SubmitResult {
  const workbook = Workbook.active();
  const { settings } = workbook.settings();
  const lang = settings.language;
  const now = new Date();
  const today = dayOf(now, workbook.timeZone);
  const form =
    input !== null && typeof input === 'object' && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : null;
  if (!form) return refused(lang, { '': messages(lang).sidebar.errors.badRequest });
  const canteen = action === 'canteenDaily' ? checkCanteen(form, today, lang) : null;
  const checked =
    canteen ?? checkForm(FORM_FIELDS[action].sheet, formColumns(FORM_FIELDS[action].fields), form, lang);
  if (!checked.ok) return refused(lang, checked.errors);
  try {
    return withDocumentLock(() => {
      const tz = workbook.timeZone;
      const read = (key: SheetKey) => typedRecords(workbook.table(key) ?? undefined, tz);
      const ctx: actions.ActionContext = {
        now,
        today,
        timeZone: tz,
        settings,
        lang,
        user: activeUserName(read('roster')),
      };
      const v = checked.values as Parameters<typeof actions.reportRepair>[0];
      let outcome: actions.Outcome;
      switch (action) {
        case 'reportRepair':
          outcome = actions.reportRepair(v, ctx, read('repairs'));
          break;
        case 'completeRepair':
          outcome = actions.completeRepair(v, ctx, read('repairs'));
          break;
        case 'recordInspection': {
          const calendar = schoolCalendarFrom(workbook.table('schoolYear')?.rows ?? [], tz);
          outcome = actions.recordInspection(v, ctx, read('inspectionSchedules'), (schedule, doneOn) => {
            const freq = parseFrequency(schedule.v.frequency);
            return freq.ok ? nextDue(freq.frequency, calendar, doneOn, doneOn) : null;
          });
          break;
        }
        case 'stockMove': {
          const movements = read('stockMovements');
          const balances = stockBalances(
            movements.flatMap(({ v: m }) => {
              const date = day(m.date);
              const quantity = num(m.quantity);
              return date && quantity !== null && m.type
                ? [{ date, itemId: str(m.itemId), type: m.type as never, quantity }]
                : [];
            }),
          );
          outcome = actions.stockMove(v, ctx, read('stockItems'), movements, (id) => balances.get(id) ?? 0);
          break;
        }
        case 'takeFee':
          outcome = actions.takeFee(v, form.deposited === true, ctx, read('feeItems'), read('feePayments'));
          break;
        case 'canteenDaily': {
          const c = (canteen as Extract<typeof canteen, { ok: true }>).values;
          outcome = actions.canteenDaily(c.meal, c.samples, c.disinfection, ctx);
          break;
        }
      }
      if (!outcome.ok) return refused(lang, outcome.errors);
      for (const part of outcome.append)
        if (!workbook.table(part.sheet)) return refused(lang, { '': messages(lang).errors.notSetUp });
      writeChanges(workbook, outcome);
      return { ok: true, message: outcome.message };
    });
  } catch (error) {
    return { ok: false, message: errorText(lang, error), errors: {} };
  }
}
