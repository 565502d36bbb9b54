import { buildDigest, renderDigest } from '../../src/core/digest';
import { tableOf, type OverdueItem } from '../../src/core/overdue';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import { sheetDecl, type SheetKey } from '../../src/core/sheets';
import { instantOf } from '../../src/core/time';

const TZ = 'Asia/Shanghai';
const at = (day: string, h = 0, m = 0) => instantOf(day, TZ, h, m);

function table(key: SheetKey, rows: Record<string, unknown>[]) {
  const cols = sheetDecl(key).columns.map((c) => c.key as string);
  return tableOf(key, [cols, ...rows.map((r) => cols.map((c) => r[c] ?? ''))]);
}

const late: OverdueItem = {
  key: 'repair:R9',
  kind: 'repair',
  sheet: 'repairs',
  row: 9,
  title: '<script>x</script>',
  detail: '',
  due: '2026-09-10',
  daysOverdue: 4,
  person: '',
  email: 'head@school.example',
  toHead: true,
};

describe('buildDigest', () => {
  const input = {
    timeZone: TZ,
    tables: {
      repairs: table('repairs', [
        { repairId: 'A', reportedAt: at('2026-09-07', 8), status: 'done', completedAt: at('2026-09-07', 10) },
        { repairId: 'B', reportedAt: at('2026-09-08', 8), status: 'done', completedAt: at('2026-09-08', 14) },
        { repairId: 'C', reportedAt: at('2026-09-09', 8), status: 'done', completedAt: at('2026-09-10', 8) },
        { repairId: 'D', reportedAt: at('2026-09-14', 8), status: 'reported' },
      ]),
      feePayments: table('feePayments', [
        { date: at('2026-09-07'), amount: 0.1, depositDate: at('2026-09-07') },
        { date: at('2026-09-07'), amount: 0.2, collector: 'x' },
      ]),
    },
  };
  const d = buildDigest(
    input,
    at('2026-09-14', 7, 30),
    DEFAULT_SETTINGS,
    [late],
    [
      { severity: 'error', message: 'bad <cell>' },
      { severity: 'warning', message: 'w' },
    ],
  );

  it('counts last week only, with the median time to repair in hours', () => {
    expect([d.from, d.to, d.nextFrom, d.nextTo]).toEqual([
      '2026-09-07',
      '2026-09-13',
      '2026-09-14',
      '2026-09-20',
    ]);
    expect(d.repairs).toMatchObject({ reported: 3, completed: 3, overdue: 1, medianHours: 6 });
    expect(d.fees).toMatchObject({ collected: 0.3, deposited: 0.1, gap: 0.2 });
    expect(d.problems).toEqual({ errors: 1, warnings: 1, top: ['bad <cell>', 'w'] });
  });

  it('renders escaped HTML, a plain-text alternative and a link to the workbook', () => {
    const mail = renderDigest(d, ['a@school.example', 'b@school.example'], {
      lang: 'en',
      schoolName: 'No. 1 <Middle>',
      links: { url: 'https://docs.google.com/spreadsheets/d/X/edit', gid: { repairs: 7 } },
    });
    expect(mail.to).toBe('a@school.example,b@school.example');
    expect(mail.htmlBody).not.toMatch(/<script>|<cell>/);
    expect(mail.htmlBody).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(mail.htmlBody).toContain('#gid=7&amp;range=A9');
    expect(mail.body).toContain('median time to repair 6 h');
    expect(mail.body).toContain('Open the workbook: https://docs.google.com/spreadsheets/d/X/edit');
  });
});
