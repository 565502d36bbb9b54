import type { Period } from '../calendar/year';
import { damageSummary, type DamageLine } from '../domain/damage';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import type { TypedRecord } from '../table/record';
import { firstDay, lastDay, monthId, type Month } from '../tasks/month';
import type { Day } from '../time';
import type { Cell, DocumentModel, Section } from './model';
import { fullDate, monthPeriod } from './safety';

export interface DamageContext {
  readonly lang: Lang;
  readonly schoolName: string;
  readonly today: Day;
  readonly timeZone: string;
  /** Settings 班级损坏提醒: a class or room with this many repairs in a month is flagged. */
  readonly threshold: number;
}

/**
 * 班级财产损坏统计: per class or room, the repairs of a month and of the term so far — how many,
 * caused by people or by wear, and the compensation recorded — with the classes over the
 * threshold marked, as the deputy head reviews them. The same figures as the digest's flag
 * (damageSummary).
 */
export function damageDocument(
  repairs: readonly TypedRecord[],
  month: Month,
  term: Period | undefined,
  ctx: DamageContext,
): DocumentModel {
  const m = messages(ctx.lang).documents.damage;
  const total = messages(ctx.lang).documents.render.total;
  const columns = [
    { label: m.columns.location },
    { label: m.columns.repairs, align: 'right' as const, width: '12%' },
    { label: m.columns.byPerson, align: 'right' as const, width: '12%' },
    { label: m.columns.byWear, align: 'right' as const, width: '12%' },
    { label: m.columns.compensation, align: 'right' as const, width: '16%' },
    { label: m.columns.flag, align: 'center' as const, width: '14%' },
  ];
  const table = (lines: readonly DamageLine[], limit: number | null): Section['blocks'][number] => {
    const sum = (key: 'repairs' | 'byPerson' | 'byWear') => lines.reduce((n, l) => n + l[key], 0);
    const fen = lines.reduce((n, l) => n + Math.round(l.compensation * 100), 0);
    return {
      kind: 'table',
      columns,
      rows: lines.map((l): Cell[] => [
        l.location,
        l.repairs,
        l.byPerson,
        l.byWear,
        l.compensation.toFixed(2),
        limit !== null && l.repairs >= limit ? m.flagged : '',
      ]),
      ...(lines.length && {
        totals: [total, sum('repairs'), sum('byPerson'), sum('byWear'), (fen / 100).toFixed(2), ''],
      }),
      empty: m.none,
    };
  };
  const monthLines = damageSummary(repairs, ctx.timeZone, firstDay(month), lastDay(month));
  const sections: Section[] = [
    {
      heading: fill(m.monthHeading, { period: monthPeriod(month, ctx.lang) }),
      blocks: [
        { kind: 'text', text: fill(m.threshold, { count: ctx.threshold }) },
        table(monthLines, ctx.threshold),
      ],
    },
    {
      heading: fill(m.termHeading, { term: term?.name ?? '' }),
      blocks: term
        ? [
            table(
              damageSummary(repairs, ctx.timeZone, term.start, ctx.today < term.end ? ctx.today : term.end),
              null,
            ),
          ]
        : [{ kind: 'text', text: m.noTerm, tone: 'notice' }],
    },
  ];
  return {
    lang: ctx.lang,
    title: m.title,
    school: ctx.schoolName,
    period: monthPeriod(month, ctx.lang),
    issued: fullDate(ctx.today, ctx.lang),
    meta: [],
    sections,
    signatures: m.signatures,
    fileName: fill(m.file, { month: monthId(month) }),
  };
}
