import { day } from '../../table/record';
import { addDays } from '../../time';
import { rowRule } from '../context';

const CANTEEN_ROLES = new Set(['canteen_staff', 'canteen_manager']);

/** Canteen staff hold a health certificate; an expired one while on duty is an error. */
export const rosterRules = rowRule({
  sheet: 'roster',
  requires: ['healthCertExpiry'],
  prepare: (ctx) => ({ soon: addDays(ctx.today, ctx.settings.expiryLeadDays) }),
  row(record, { ctx, found: { soon }, problem, requiredWhen }) {
    const { v } = record;
    if (!CANTEEN_ROLES.has(String(v.role))) return [];
    const expiry = day(v.healthCertExpiry);
    if (expiry === null) return requiredWhen(record, 'healthCertExpiry', 'role', 'role');
    // A blank "on duty" counts as on duty: the safe reading for food safety.
    if (expiry < ctx.today)
      return [
        v.onDuty !== false
          ? problem(record, 'healthCertExpiry', 'healthCertExpired', { date: expiry })
          : problem(record, 'healthCertExpiry', 'healthCertExpiredOffDuty', { date: expiry }, 'warning'),
      ];
    if (expiry <= soon)
      return [problem(record, 'healthCertExpiry', 'healthCertExpiring', { date: expiry }, 'warning')];
    return [];
  },
});
