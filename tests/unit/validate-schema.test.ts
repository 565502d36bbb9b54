import { formSchema } from '../../src/core/validate/schema';
import { readCell } from '../../src/core/table/cells';

describe('form schema derived from the sheet declarations', () => {
  const repairs = formSchema(
    'repairs',
    ['repairId', 'reportedAt', 'status', 'contractor', 'cost', 'unknown'],
    'zh-CN',
  );

  it('parses browser input into typed values', () => {
    expect(
      repairs.parse({
        repairId: ' BX-1 ',
        reportedAt: '2026-03-05T08:30',
        status: '维修中',
        contractor: 'true',
        cost: '¥1,200',
      }),
    ).toEqual({
      repairId: 'BX-1',
      reportedAt: '2026-03-05T08:30',
      status: 'in_progress',
      contractor: true,
      cost: 1200,
    });
    expect(repairs.parse({ repairId: 'BX-1', reportedAt: '2026-03-05T08:30', status: 'done' })).toMatchObject(
      {
        cost: null,
        contractor: null,
      },
    );
  });

  it('rejects with the same messages as sheet validation, in the language asked for', () => {
    const zh = repairs.safeParse({ repairId: '', reportedAt: '3/5', status: '飞了', cost: -1 });
    expect(zh.success).toBe(false);
    expect(Object.fromEntries(zh.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
      repairId: '「报修单号」必填',
      reportedAt: '「报修时间」的「3/5」看不出年月日，请写成 2026-03-05',
      status: expect.stringContaining('「状态」须从下拉列表中选择（已报修、维修中、已完成、已取消）'),
      cost: '「维修费用(元)」不能小于 0，现为 -1',
    });
    const en = formSchema('roster', ['email', 'name'], 'en').safeParse({ email: 'x@', name: 'x'.repeat(51) });
    expect(en.error!.issues.map((i) => i.message)).toEqual([
      'E-mail is not a valid e-mail address: "x@" (e.g. name@school.cn)',
      'Name takes at most 50 characters; it has 51',
    ]);
  });

  it('accepts a date field exactly when a sheet cell would', () => {
    const schema = formSchema('assets', ['purchaseDate'], 'en');
    for (const text of ['2026-03-05', '2026.3.5', '2026年3月5日', '2026-02-30', '3/5', 'soon'])
      expect(schema.safeParse({ purchaseDate: text }).success).toBe(
        readCell({ key: 'd', type: 'date' }, text, 'UTC').ok,
      );
  });
});
