import { addDays, type Day } from '../../time';
import { day, has, instant, lookupBy, nameKey, num, shown, type Rule } from '../context';
import { header, makeProblem, quote, sheetTitle, type Problem } from '../problem';

const HOUR = 3_600_000;

/** Every sample weighs at least the set grams and is kept at least the set hours. */
export const sampleRules: Rule = {
  sheet: 'canteenSamples',
  needs: [],
  check(ctx) {
    const view = ctx.view('canteenSamples');
    if (!view) return [];
    const { sampleGrams, sampleHours } = ctx.settings;
    const out: Problem[] = [];
    for (const { row, values } of view.rows) {
      const weight = num(values.weight);
      if (weight !== null && weight < sampleGrams)
        out.push(
          makeProblem('canteenSamples', row, 'weight', 'sampleTooLight', {
            value: weight,
            grams: sampleGrams,
          }),
        );
      const sampled = instant(values.sampledAt);
      const discarded = instant(values.discardedAt);
      if (!sampled || !discarded) continue;
      const hours = (discarded.getTime() - sampled.getTime()) / HOUR;
      if (hours < 0)
        out.push(
          makeProblem('canteenSamples', row, 'discardedAt', 'before', {
            column: header('canteenSamples', 'discardedAt'),
            value: shown(discarded, ctx.timeZone),
            other: header('canteenSamples', 'sampledAt'),
            otherValue: shown(sampled, ctx.timeZone),
          }),
        );
      else if (hours < sampleHours)
        out.push(
          makeProblem('canteenSamples', row, 'discardedAt', 'sampleTooShort', {
            hours: Math.round(hours * 10) / 10,
            required: sampleHours,
          }),
        );
    }
    return out;
  },
};

/** Every purchase is from a supplier whose certificate is on file and valid on the purchase day. */
export const purchaseRules: Rule = {
  sheet: 'canteenPurchases',
  needs: ['supplierCertificates'],
  lookups: [lookupBy('supplier', 'supplierCertificates', ['supplier', 'expiry'])],
  check(ctx) {
    const view = ctx.view('canteenPurchases');
    const certs = ctx.view('supplierCertificates');
    if (!view || !certs || !has(certs, 'supplier')) return [];
    // Latest expiry per supplier: any valid certificate covers the purchase.
    const latest = new Map<string, Day | null>();
    for (const { values } of certs.rows) {
      const supplier = nameKey(values.supplier);
      if (supplier === null) continue;
      const expiry = day(values.expiry);
      const known = latest.get(supplier);
      if (
        !latest.has(supplier) ||
        (expiry !== null && (known === null || known === undefined || expiry > known))
      )
        latest.set(supplier, expiry);
    }
    const out: Problem[] = [];
    for (const { row, values } of view.rows) {
      const supplier = nameKey(values.supplier);
      if (supplier === null) continue;
      const name = quote(values.supplier);
      if (!latest.has(supplier)) {
        out.push(
          makeProblem('canteenPurchases', row, 'supplier', 'noCertificate', {
            supplier: name,
            sheet: sheetTitle('supplierCertificates'),
          }),
        );
        continue;
      }
      const expiry = latest.get(supplier);
      const date = day(values.date);
      if (expiry && date !== null && expiry < date)
        out.push(
          makeProblem('canteenPurchases', row, 'supplier', 'certificateExpiredOnPurchase', {
            supplier: name,
            expiry,
            date,
          }),
        );
    }
    return out;
  },
};

/** Certificates past expiry are errors; those expiring within the lead days are warnings. */
export const certificateRules: Rule = {
  sheet: 'supplierCertificates',
  needs: [],
  check(ctx) {
    const view = ctx.view('supplierCertificates');
    if (!view) return [];
    const soon = addDays(ctx.today, ctx.settings.expiryLeadDays);
    const out: Problem[] = [];
    for (const { row, values } of view.rows) {
      const expiry = day(values.expiry);
      if (expiry === null) continue;
      if (expiry < ctx.today)
        out.push(makeProblem('supplierCertificates', row, 'expiry', 'certificateExpired', { date: expiry }));
      else if (expiry <= soon)
        out.push(
          makeProblem(
            'supplierCertificates',
            row,
            'expiry',
            'certificateExpiring',
            { date: expiry },
            'warning',
          ),
        );
    }
    return out;
  },
};
