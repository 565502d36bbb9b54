import { termOf, type Period, type SchoolCalendar } from '../calendar';
import { fill, messages } from '../i18n';
import type { Lang } from '../lang';
import { num, str, typedRecords } from '../table/record';
import type { SourceTable } from '../table/record';
import { enumLabel } from '../table/labels';
import type { Day } from '../time';
import type { DocumentModel, Section } from './model';
import { fullDate } from './safety';
import { zhOrder as zh } from '../order';

/** An asset as the handover list shows it. */
export interface HandoverAsset {
  /** 1-based sheet row in the assets register. */
  readonly row: number;
  readonly assetId: string;
  readonly name: string;
  readonly model: string;
  /** 数量; 1 when the register leaves it empty. */
  readonly quantity: number;
  /** The register's status key (in_use, under_repair, lent). */
  readonly status: string;
  readonly note: string;
}

/** One room's property kept by one custodian: one sheet of paper, signed by both sides. */
export interface HandoverGroup {
  readonly location: string;
  readonly custodian: string;
  readonly assets: readonly HandoverAsset[];
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * The register's assets still in the school's hands (every status but scrapped), per room and
 * custodian, for the rooms or the custodian named by `who` (a room, or a person; '' = every room).
 * The register is read once; the order is by room, then custodian, then asset id.
 */
export function handoverGroups(assets: SourceTable | undefined, timeZone: string, who = ''): HandoverGroup[] {
  const wanted = fold(who);
  const groups = new Map<string, { location: string; custodian: string; assets: HandoverAsset[] }>();
  for (const { row, v } of typedRecords(assets, timeZone)) {
    const location = str(v.location).trim();
    const custodian = str(v.custodian).trim();
    if (v.status === 'scrapped' || !str(v.assetId)) continue;
    if (wanted && fold(location) !== wanted && fold(custodian) !== wanted) continue;
    const key = `${location}\u0000${custodian}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { location, custodian, assets: [] }));
    const quantity = num(v.quantity);
    group.assets.push({
      row,
      assetId: str(v.assetId),
      name: str(v.name),
      model: str(v.model),
      quantity: quantity !== null && quantity > 0 ? quantity : 1,
      status: typeof v.status === 'string' ? v.status : '',
      note: str(v.note),
    });
  }
  return [...groups.values()]
    .sort((a, b) => zh(a.location, b.location) || zh(a.custodian, b.custodian))
    .map((g) => ({ ...g, assets: g.assets.sort((a, b) => zh(a.assetId, b.assetId)) }));
}

/** The term a paper is for: the one under way, else the next to start, else the last that ended. */
export function termFor(calendar: SchoolCalendar, today: Day): Period | undefined {
  return (
    termOf(calendar, today) ??
    calendar.terms.find((x) => x.start > today) ??
    [...calendar.terms].reverse().find((x) => x.end < today)
  );
}

/** That term's name ('' when the 校历 has no term). */
export function handoverTerm(calendar: SchoolCalendar, today: Day): string {
  return termFor(calendar, today)?.name ?? '';
}

/** 财产交接单: a page per room and custodian, a column to tick or note each asset, both signatures. */
export function handoverDocument(
  groups: readonly HandoverGroup[],
  ctx: { readonly lang: Lang; readonly schoolName: string; readonly today: Day; readonly term: string },
): DocumentModel {
  const { lang } = ctx;
  const d = messages(lang).documents;
  const m = d.handover;
  const c = m.columns;
  const sections: Section[] = groups.map((g, i) => ({
    heading: fill(m.heading, {
      location: g.location || d.render.none,
      custodian: g.custodian || d.render.none,
    }),
    newPage: i > 0,
    signatures: m.signatures,
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: c.no, align: 'right', width: '8%' },
          { label: c.assetId, width: '14%' },
          { label: c.name },
          { label: c.model, width: '16%' },
          { label: c.quantity, align: 'right', width: '7%' },
          { label: c.status, width: '9%' },
          { label: c.check, align: 'center', width: '14%' },
          { label: c.note, width: '11%' },
        ],
        rows: g.assets.map((a, k) => [
          k + 1,
          a.assetId,
          a.name,
          a.model,
          a.quantity,
          a.status ? enumLabel(lang, 'assetStatus', a.status as never) : '',
          '',
          a.note,
        ]),
        totals: [
          d.render.total,
          fill(m.items, { n: g.assets.length }),
          '',
          '',
          g.assets.reduce((n, a) => n + a.quantity, 0),
          '',
          '',
          '',
        ],
        empty: m.none,
      },
      { kind: 'text', text: m.instructions },
    ],
  }));
  return {
    lang,
    title: m.title,
    school: ctx.schoolName,
    period: ctx.term || d.render.none,
    issued: fullDate(ctx.today, lang),
    meta: [],
    sections,
    signatures: [],
    fileName: m.fileName,
  };
}
