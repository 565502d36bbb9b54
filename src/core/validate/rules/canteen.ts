import { day, instant, num } from '../../table/record';
import { addDays, timeOf, type Day } from '../../time';
import { has, lookupBy, nameKey, rowRule, shown } from '../context';
import { quote, sheetTitle, type Problem } from '../problem';

const HOUR = 3_600_000;

/** Every sample weighs at least the set grams and is kept at least the set hours. */
export const sampleRules = rowRule({
  sheet: 'canteenSamples',
  row(record, { ctx, col, problem }) {
    const { v } = record;
    const { sampleGrams, sampleHours } = ctx.settings;
    const out: Problem[] = [];
    const weight = num(v.weight);
    if (weight !== null && weight < sampleGrams)
      out.push(problem(record, 'weight', 'sampleTooLight', { value: weight, grams: sampleGrams }));
    const sampled = instant(v.sampledAt);
    const discarded = instant(v.discardedAt);
    if (!sampled || !discarded) return out;
    const hours = (timeOf(discarded) - timeOf(sampled)) / HOUR;
    if (hours < 0)
      out.push(
        problem(record, 'discardedAt', 'before', {
          column: col('discardedAt'),
          value: shown(discarded, ctx.timeZone),
          other: col('sampledAt'),
          otherValue: shown(sampled, ctx.timeZone),
        }),
      );
    else if (hours < sampleHours)
      out.push(
        problem(record, 'discardedAt', 'sampleTooShort', {
          hours: Math.round(hours * 10) / 10,
          required: sampleHours,
        }),
      );
    return out;
  },
});

/** Every purchase is from a supplier whose certificate is on file and valid on the purchase day. */
export const purchaseRules = rowRule({
  sheet: 'canteenPurchases',
  needs: ['supplierCertificates'],
  lookups: [lookupBy('supplier', 'supplierCertificates', ['supplier', 'expiry'])],
  prepare(ctx) {
    const certs = ctx.view('supplierCertificates');
    if (!certs || !has(certs, 'supplier')) return null;
    // Latest expiry per supplier: any valid certificate covers the purchase.
    const latest = new Map<string, Day | null>();
    for (const { v } of certs.rows) {
      const supplier = nameKey(v.supplier);
      if (supplier === null) continue;
      const expiry = day(v.expiry);
      const known = latest.get(supplier);
      if (
        !latest.has(supplier) ||
        (expiry !== null && (known === null || known === undefined || expiry > known))
      )
        latest.set(supplier, expiry);
    }
    return latest;
  },
  row(record, { found: latest, problem }) {
    const { v } = record;
    const supplier = nameKey(v.supplier);
    if (supplier === null) return [];
    const name = quote(v.supplier);
    if (!latest.has(supplier))
      return [
        problem(record, 'supplier', 'noCertificate', {
          supplier: name,
          sheet: sheetTitle('supplierCertificates'),
        }),
      ];
    const expiry = latest.get(supplier);
    const date = day(v.date);
    if (expiry && date !== null && expiry < date)
      return [problem(record, 'supplier', 'certificateExpiredOnPurchase', { supplier: name, expiry, date })];
    return [];
  },
});

/** Certificates past expiry are errors; those expiring within the lead days are warnings. */
export const certificateRules = rowRule({
  sheet: 'supplierCertificates',
  prepare: (ctx) => ({ soon: addDays(ctx.today, ctx.settings.expiryLeadDays) }),
  row(record, { ctx, found: { soon }, problem }) {
    const expiry = day(record.v.expiry);
    if (expiry === null) return [];
    if (expiry < ctx.today) return [problem(record, 'expiry', 'certificateExpired', { date: expiry })];
    if (expiry <= soon)
      return [problem(record, 'expiry', 'certificateExpiring', { date: expiry }, 'warning')];
    return [];
  },
});
