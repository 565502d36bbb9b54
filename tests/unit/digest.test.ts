import { buildDigest, renderDigest } from '../../src/core/digest';
import { band } from '../../src/core/digest/render';
import { damageSummary } from '../../src/core/domain/damage';
import { findOverdue } from '../../src/core/overdue';
import { typedRecords } from '../../src/core/table/record';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { MONDAY, TZ, WEEKS_INPUT, at, table } from './figures.fixture';

const LINKS = { url: 'https://docs.google.com/spreadsheets/d/X/edit', gid: { repairs: 7, feePayments: 9 } };
const settings = DEFAULT_SETTINGS;

function digestOf(input: typeof WEEKS_INPUT | { timeZone: string; tables: object }, now = MONDAY) {
  const full = input as typeof WEEKS_INPUT;
  return buildDigest(full, now, settings, findOverdue(full, now, settings), [
    { severity: 'error', message: 'bad <cell>' },
    { severity: 'warning', message: 'w' },
  ]);
}

const withCanteen = {
  timeZone: TZ,
  tables: {
    ...WEEKS_INPUT.tables,
    canteenSamples: table('canteenSamples', [
      // 80 g is under the 125 g rule: 09-08 fell short.
      { date: at('2026-09-08'), meal: 'lunch', dish: 'rice', weight: 80, sampledAt: at('2026-09-08', 11) },
      { date: at('2026-09-09'), meal: 'lunch', dish: 'fish', weight: 150, sampledAt: at('2026-09-09', 11) },
    ]),
  },
};

describe('the digest band: last week against the week before', () => {
  it('shows each figure with its change and a colour that says good or bad', () => {
    expect(band(digestOf(WEEKS_INPUT), 'en')).toEqual([
      { key: 'overdueRepairs', value: '2', change: 'same as last week', tone: 'bad' },
      { key: 'hazardsLate', value: '1', change: 'same as last week', tone: 'bad' },
      { key: 'inspections', value: '1/1', change: 'last week 1/2', tone: 'good' },
      { key: 'lowStock', value: '2', change: '+1 on last week', tone: 'bad' },
      { key: 'feesLate', value: '¥10.10', change: '−¥60.40 on last week', tone: 'better' },
      { key: 'tasks', value: '1/2', change: 'last week 3/4', tone: 'bad' },
    ]);
    expect(band(digestOf(WEEKS_INPUT), 'zh-CN')[3]!.change).toBe('较上周 +1');
  });

  it('says there is nothing to compare in the first week with records', () => {
    const first = {
      timeZone: TZ,
      tables: {
        repairs: table('repairs', [{ repairId: 'A', reportedAt: at('2026-09-08', 8), status: 'reported' }]),
      },
    };
    const figures = band(digestOf(first), 'zh-CN');
    expect(figures.map((f) => f.change)).toEqual(Array(6).fill('首周，暂无对比'));
    expect(figures[0]).toMatchObject({ value: '1', tone: 'bad' });
    expect(figures[2]).toMatchObject({ value: '无计划', tone: 'good' });
    const mail = renderDigest(digestOf(first), ['a@school.example'], {
      lang: 'zh-CN',
      schoolName: 'S',
      links: LINKS,
    });
    expect(mail.body).toContain('逾期维修：1（首周，暂无对比）');
    expect(mail.body).toContain('报修与修好（件）（报修/修好），由远及近：1/0');
  });
});

describe('needs attention', () => {
  it('lists safety first, then what waited past the escalation days, then money', () => {
    const d = digestOf(withCanteen);
    const mail = renderDigest(d, ['a@school.example'], { lang: 'en', schoolName: 'S', links: LINKS });
    const start = mail.body.indexOf('Needs attention');
    const lines = mail.body.slice(start).split('\n').slice(1, 5);
    expect(lines).toEqual([
      '1. Hazard 1 days past its fix deadline: gas smell (Lab · 2026-09-11) https://docs.google.com/spreadsheets/d/X/edit',
      '2. 2026-09-08: canteen samples fell short, please check',
      // B: deadline 09-06 09:00, 8 days late; D is only 1 day late, under the 3 escalation days.
      '3. Repair 8 days overdue: B https://docs.google.com/spreadsheets/d/X/edit#gid=7&range=A4',
      '4. 2026-09-09 王芳: ¥10.10 not banked the same day https://docs.google.com/spreadsheets/d/X/edit#gid=9',
    ]);
  });
});

describe('needs attention, in the words of the office', () => {
  it('tells an equipment service from an expired certificate, though both are due on a day', () => {
    const due = { due: '2026-09-10', daysOverdue: 4, person: '', email: '', toHead: true, detail: '' };
    const d = buildDigest(
      WEEKS_INPUT,
      MONDAY,
      settings,
      [
        { ...due, key: 'certificate:a', kind: 'certificate', sheet: 'assets', row: 3, title: 'ZC-1 投影仪' },
        {
          ...due,
          key: 'certificate:b',
          kind: 'certificate',
          sheet: 'supplierCertificates',
          row: 4,
          title: '食品经营许可证',
        },
      ],
      [],
    );
    const body = renderDigest(d, [], { lang: 'zh-CN', schoolName: '', links: LINKS }).body;
    expect(body).toContain('1. 设备检修已到期（2026-09-10）：ZC-1 投影仪');
    expect(body).toContain('2. 证照已到期（2026-09-10）：食品经营许可证');
  });
});

describe('renderDigest', () => {
  const evil = {
    timeZone: TZ,
    tables: {
      ...WEEKS_INPUT.tables,
      repairs: table('repairs', [
        {
          repairId: 'R9',
          reportedAt: at('2026-09-01', 8),
          description: '<script>alert(1)</script>',
          status: 'reported',
        },
      ]),
    },
  };
  const mail = renderDigest(digestOf(evil), ['a@school.example', 'b@school.example'], {
    lang: 'en',
    schoolName: 'No. 1 <Middle>',
    links: LINKS,
  });

  it('escapes every value taken from a cell or a setting', () => {
    expect(mail.to).toBe('a@school.example,b@school.example');
    expect(mail.htmlBody).not.toMatch(/<script>|<cell>|<Middle>/);
    expect(mail.htmlBody).toContain('R9 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.htmlBody).toContain('No. 1 &lt;Middle&gt;');
    expect(mail.htmlBody).toContain('#gid=7&amp;range=A2');
  });

  it('carries the same figures in the plain-text alternative, and a link to the workbook', () => {
    expect(mail.body).toContain('Overdue repairs: 1 (');
    expect(mail.body).toContain('Fees not banked same day: ¥10.10 (−¥60.40 on last week)');
    expect(mail.body).toContain('Hazards open (at week end) (open), oldest first: 1 2');
    expect(mail.body).toContain('Open the workbook: https://docs.google.com/spreadsheets/d/X/edit');
  });

  it('never prints a missing median or a bracketed tag', () => {
    expect(mail.body).not.toMatch(/median|\[|none\b/);
  });
});

describe('damage per class or room', () => {
  const repair = (id: string, location: string, day: string, extra: Record<string, unknown> = {}) => ({
    repairId: id,
    reportedAt: at(day, 9),
    location,
    description: '损坏',
    status: 'done',
    ...extra,
  });
  const repairs = table('repairs', [
    repair('R1', '初一(1)班', '2026-09-02', { cause: 'person', compensation: 50 }),
    repair('R2', '初一(1)班', '2026-09-03', { cause: 'person', compensation: 30, waived: true }),
    repair('R3', '初一(1)班', '2026-09-09', { cause: 'wear' }),
    repair('R4', '初一(2)班', '2026-09-09', { cause: 'wear' }),
    repair('R5', '初一(2)班', '2026-09-10', { status: 'cancelled' }),
  ]);

  it('sums repairs, causes and compensation per location over a period', () => {
    expect(damageSummary(typedRecords(repairs, TZ), TZ, '2026-09-01', '2026-09-30')).toEqual([
      { location: '初一(1)班', repairs: 3, byPerson: 2, byWear: 1, compensation: 50 },
      { location: '初一(2)班', repairs: 1, byPerson: 0, byWear: 1, compensation: 0 },
    ]);
  });

  it('flags in the digest a class at the threshold this month, with its term so far', () => {
    const input = { timeZone: TZ, tables: { repairs } };
    const three = { ...settings, damageThreshold: 3 };
    const digest = buildDigest(input, MONDAY, three, findOverdue(input, MONDAY, three), []);
    const lines = renderDigest(digest, ['office@school.example'], {
      lang: 'zh-CN',
      schoolName: '',
      links: LINKS,
    }).body;
    expect(lines).toContain('初一(1)班本月报修 3 次（人为损坏 2 次，赔偿 ¥50.00），本学期共 3 次');
    expect(lines).not.toContain('初一(2)班本月');
  });
});
