import { addDays } from '../../time';
import { has, type Rule } from '../context';
import { day } from '../../table/record';
import { header, label, makeProblem, whenValue, type Problem } from '../problem';

const CANTEEN_ROLES = new Set(['canteen_staff', 'canteen_manager']);

/** Canteen staff hold a health certificate; an expired one while on duty is an error. */
export const rosterRules: Rule = {
  sheet: 'roster',
  needs: [],
  check(ctx) {
    const view = ctx.view('roster');
    if (!view || !has(view, 'healthCertExpiry')) return [];
    const out: Problem[] = [];
    const soon = addDays(ctx.today, ctx.settings.expiryLeadDays);
    for (const { row, v } of view.rows) {
      if (!CANTEEN_ROLES.has(String(v.role))) continue;
      const expiry = day(v.healthCertExpiry);
      if (expiry === null) {
        out.push(
          makeProblem('roster', row, 'healthCertExpiry', 'requiredWhen', {
            column: header('roster', 'healthCertExpiry'),
            when: whenValue('roster', 'role', label('role', v.role as string)),
          }),
        );
        continue;
      }
      // A blank "on duty" counts as on duty: the safe reading for food safety.
      const onDuty = v.onDuty !== false;
      if (expiry < ctx.today)
        out.push(
          onDuty
            ? makeProblem('roster', row, 'healthCertExpiry', 'healthCertExpired', { date: expiry })
            : makeProblem(
                'roster',
                row,
                'healthCertExpiry',
                'healthCertExpiredOffDuty',
                { date: expiry },
                'warning',
              ),
        );
      else if (expiry <= soon)
        out.push(
          makeProblem('roster', row, 'healthCertExpiry', 'healthCertExpiring', { date: expiry }, 'warning'),
        );
    }
    return out;
  },
};
