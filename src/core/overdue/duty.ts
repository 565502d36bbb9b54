import { dutySpans } from '../duty';
import { fill, messages } from '../i18n';
import { enumLabel } from '../table/labels';
import { addDays } from '../time';
import type { Draft, RuleContext } from './draft';
import type { TypedRecord } from '../table/record';

/**
 * The people whose duty starts tomorrow (a week of 行政值周 from its first day, each day of holiday
 * or gate duty), reminded in the daily e-mail the day before. The key names the day and person, so
 * each duty is reminded once.
 */
export function dutyTomorrow(records: readonly TypedRecord[], ctx: RuleContext): Draft[] {
  const tomorrow = addDays(ctx.today, 1);
  const lang = ctx.settings.language;
  const m = messages(lang).routines.duty;
  return dutySpans(records)
    .filter((s) => s.start === tomorrow)
    .map((s) => ({
      kind: 'duty' as const,
      sheet: 'duty' as const,
      row: s.row,
      ref: `${s.start}-${s.person}-${s.kind}`,
      title: fill(m.reminder, { kind: enumLabel(lang, 'dutyKind', s.kind), day: s.start }),
      detail: [s.end !== s.start ? `${s.start} – ${s.end}` : '', s.note].filter(Boolean).join(' · '),
      due: s.start,
      person: s.person,
    }));
}
