import { instantOf } from '../../src/core/time';
import { checkWorkbook, sheetsNeededFor, validateWorkbook, type Problem } from '../../src/core/validate';
import { TZ, workbook } from './validate-support';

const at = (problems: Problem[]) => problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.code}`);
const person = (name: string, role = '教师', extra: Record<string, unknown> = {}) => ({
  name,
  role,
  ...extra,
});
const asset = (extra: Record<string, unknown> = {}) => ({
  assetId: 'ZC-1',
  name: '投影仪',
  category: '电教/信息设备',
  location: '101',
  custodian: '王芳',
  status: '在用',
  ...extra,
});

/** A Fees sheet receipt of F01 paid and banked on 2026-09-01, with what a test changes. */
const receipt = (receiptNo: string, extra: Record<string, unknown>) => ({
  receiptNo,
  date: '2026-09-01',
  itemCode: 'F01',
  payer: '学生',
  className: '初一(1)班',
  amount: 60,
  depositDate: '2026-09-01',
  ...extra,
});

describe('column rules from the declarations', () => {
  it('reports required, type, list, range, length and duplicates with bilingual messages', () => {
    const problems = validateWorkbook(
      workbook({
        assets: [
          asset({ name: '', value: -1, quantity: 1.5, category: '飞机' }),
          asset({ purchaseDate: '3/5', model: 'x'.repeat(101) }),
          {},
          asset({ assetId: 'zc-1 ' }),
        ],
      }),
    );
    expect(at(problems)).toEqual([
      'assets:2:name:required',
      'assets:2:category:notInList',
      'assets:2:value:min',
      'assets:2:quantity:notInteger',
      'assets:2:assetId:duplicate',
      'assets:3:model:tooLong',
      'assets:3:purchaseDate:ambiguousDate',
      'assets:3:assetId:duplicate',
      'assets:5:assetId:duplicate',
    ]);
    const value = problems.find((p) => p.code === 'min')!;
    expect(value.message).toEqual({
      'zh-CN': '第 2 行「原值（元）」不能小于 0，现为 -1',
      en: 'Row 2: Value (¥) must be at least 0, not -1',
    });
    expect(problems.find((p) => p.code === 'notInList')!.message['zh-CN']).toContain(
      '教学设备、电教/信息设备',
    );
  });

  it('offers certain normalisations as fixes of the right type, and flags what is ambiguous', () => {
    const { fixes, problems } = checkWorkbook(
      workbook({
        assets: [
          asset({ purchaseDate: '2026.3.5', value: '¥1,234.50' }),
          asset({ assetId: 'ZC-2', value: '二〇二六' }),
        ],
      }),
    );
    expect(fixes).toEqual([
      { sheet: 'assets', row: 2, column: 'purchaseDate', from: '2026.3.5', to: '2026-03-05' },
      { sheet: 'assets', row: 2, column: 'value', from: '¥1,234.50', to: 1234.5 },
    ]);
    expect(at(problems)).toEqual(['assets:3:value:notNumber']);
  });

  it('warns about a missing required column and checks the rest', () => {
    const input = workbook({ assets: [asset()] });
    const table = input.tables.assets!;
    const header = table.values[0]!.map((h) => (h === '保管人' ? '我的列' : h));
    const { mapHeaders } = jest.requireActual('../../src/core/table/mapping');
    const problems = validateWorkbook({
      ...input,
      tables: {
        assets: { layout: mapHeaders(table.layout.decl, header), values: [header, ...table.values.slice(1)] },
      },
    });
    expect(at(problems)).toEqual(['assets:1:custodian:missingColumn']);
    expect(problems[0]!.severity).toBe('warning');
  });
});

describe('rules across rows and sheets', () => {
  it('assets: custodian on the roster, scrapped needs a date, under repair needs an open repair', () => {
    const problems = validateWorkbook(
      workbook({
        roster: [person('王芳')],
        assets: [
          asset({ custodian: '李四' }),
          asset({ assetId: 'ZC-2', status: '已报废' }),
          asset({ assetId: 'ZC-3', status: '维修中' }),
          asset({ assetId: 'ZC-4', status: '维修中' }),
        ],
        repairs: [
          {
            repairId: 'R1',
            reportedAt: instantOf('2026-03-05', TZ, 9),
            reporter: '王芳',
            location: '101',
            assetId: 'ZC-4',
            description: '坏了',
            status: '维修中',
          },
        ],
      }),
    );
    expect(at(problems)).toEqual([
      'assets:2:custodian:notInSheet',
      'assets:3:scrapDate:requiredWhen',
      'assets:4:status:noOpenRepair',
    ]);
    expect(problems[1]!.message['zh-CN']).toBe('第 3 行「状态」为「已报废」，须填写「报废日期」');
  });

  it('repairs: known asset, completed not before reported, damage by a person compensated or waived', () => {
    const base = {
      reportedAt: instantOf('2026-03-05', TZ, 9),
      reporter: '王芳',
      location: '101',
      description: '坏了',
      status: '已完成',
    };
    const problems = validateWorkbook(
      workbook({
        assets: [asset()],
        repairs: [
          { ...base, repairId: 'R1', assetId: 'ZC-9', completedAt: instantOf('2026-03-01', TZ, 10) },
          { ...base, repairId: 'R2', completedAt: instantOf('2026-03-06', TZ), cause: '人为损坏' },
          {
            ...base,
            repairId: 'R3',
            completedAt: instantOf('2026-03-06', TZ),
            cause: '人为损坏',
            responsible: '张三',
            waived: true,
          },
        ],
      }),
    );
    expect(at(problems)).toEqual([
      'repairs:2:assetId:notInSheet',
      'repairs:2:completedAt:before',
      'repairs:3:responsible:requiredWhen',
      'repairs:3:compensation:compensation',
    ]);
    expect(problems[1]!.message).toEqual({
      'zh-CN': '第 2 行「维修完成时间」(2026-03-01 10:00) 早于「报修时间」(2026-03-05 09:00)',
      en: 'Row 2: Completed (2026-03-01 10:00) is before Reported (2026-03-05 09:00)',
    });
  });

  it('inspections: well-formed frequency; a hazard needs a fix deadline and a responsible person', () => {
    const problems = validateWorkbook(
      workbook({
        inspectionSchedules: [
          { scheduleId: 'S1', item: '灭火器', location: '全校', frequency: '每月15日' },
          { scheduleId: 'S2', item: '电路', location: '全校', frequency: '每周五' },
          { scheduleId: 'S3', item: '楼梯', location: '全校', frequency: '经常' },
        ],
        inspectionResults: [
          { date: '2026-09-01', scheduleId: 'S1', location: '食堂', inspector: '王芳', result: '发现隐患' },
          { date: '2026-09-01', scheduleId: 'S9', location: '食堂', inspector: '王芳', result: '合格' },
        ],
      }),
    );
    expect(at(problems)).toEqual([
      'inspectionSchedules:4:frequency:frequency',
      'inspectionResults:2:fixDeadline:requiredWhen',
      'inspectionResults:2:responsible:requiredWhen',
      'inspectionResults:3:scheduleId:notInSheet',
    ]);
  });

  it('stock: item exists, running balance in date order, borrow due date, two people over the threshold', () => {
    const move = (date: string, type: string, quantity: number, extra: Record<string, unknown> = {}) => ({
      date,
      itemId: 'W1',
      type,
      quantity,
      ...extra,
    });
    const problems = validateWorkbook(
      workbook({
        stockItems: [{ itemId: 'W1', name: '粉笔' }],
        stockMovements: [
          move('2026-09-03', '领用', 5), // row 2: issued on 3rd, but received on 5th
          move('2026-09-05', '采购入库', 10, { unitPrice: 200, handler: '王芳' }), // row 3: ¥2,000
          move('2026-09-06', '领用', 20), // row 4: balance 5 - 20 < 0
          move('2026-09-07', '借用', 1, { itemId: 'W9' }), // row 5
          move('2026-09-08', '采购入库', 1, {
            amount: 5000,
            handler: '王芳',
            secondHandler: '王芳',
            approver: '李强',
          }),
        ],
      }),
    );
    expect(at(problems)).toEqual([
      'stockMovements:2:date:issuedBeforeReceived',
      'stockMovements:3:secondHandler:twoPeople',
      // Over the threshold without the quotes compared: a warning.
      'stockMovements:3:quotes:needsQuotes',
      'stockMovements:4:quantity:negativeStock',
      'stockMovements:5:itemId:notInSheet',
      'stockMovements:5:dueDate:requiredWhen',
      'stockMovements:5:date:issuedBeforeReceived',
      'stockMovements:6:secondHandler:sameHandler',
      'stockMovements:6:quotes:needsQuotes',
    ]);
    expect(problems[1]!.message['zh-CN']).toBe(
      '第 3 行金额 2000 元超过 1000 元，须双人经办并有审批人（缺「第二经办人、审批人」）',
    );
  });

  it('records the plans require: an asset accepted before it counts as registered, quotes for a large purchase', () => {
    const problems = validateWorkbook(
      workbook(
        {
          assets: [
            // An acceptance begun but not finished: a warning naming what is missing.
            {
              assetId: 'A1',
              name: '投影仪',
              category: '电教/信息设备',
              location: '初一(1)班',
              custodian: '王芳',
              purchaseDate: '2026-08-20',
              value: 3000,
              status: '在用',
              acceptedBy: '王芳',
            },
            // Accepted in full: nothing.
            {
              assetId: 'A2',
              name: '课桌',
              category: '家具',
              location: '初一(1)班',
              custodian: '王芳',
              purchaseDate: '2026-08-20',
              value: 300,
              status: '在用',
              acceptedBy: '王芳',
              acceptedDate: '2026-08-21',
              invoiceNo: '0012345',
            },
            // No acceptance at all (bought before it was recorded): nothing.
            {
              assetId: 'A3',
              name: '钢琴',
              category: '音美器材',
              location: '音乐室',
              custodian: '王芳',
              purchaseDate: '2019-03-01',
              value: 9000,
              status: '在用',
            },
          ],
          roster: [{ name: '王芳', role: '总务主任' }],
          stockItems: [{ itemId: 'W1', name: '粉笔', unit: '盒' }],
          stockMovements: [
            {
              date: '2026-08-25',
              itemId: 'W1',
              type: '采购入库',
              quantity: 100,
              amount: 1500,
              handler: '王芳',
              secondHandler: '李强',
              approver: '张伟',
              quotes: '甲店 15 元/盒，乙店 16 元/盒',
            },
            {
              date: '2026-08-26',
              itemId: 'W1',
              type: '领用',
              quantity: 10,
              party: '初一(1)班',
              oldReturned: 8,
            },
          ],
        },
        '2026-09-01',
      ),
    );
    expect(at(problems.filter((p) => p.sheet === 'assets' || p.sheet === 'stockMovements'))).toEqual([
      'assets:2:acceptedDate:notAccepted',
    ]);
    expect(problems.find((p) => p.code === 'notAccepted')!.message['zh-CN']).toBe(
      '第 2 行新购资产未验收：填写「验收日期、发票号」后才算登记入账，发票方可报销',
    );
    expect(problems.find((p) => p.code === 'notAccepted')!.severity).toBe('warning');
  });

  it('duty: a row ends on or after its first day', () => {
    const problems = validateWorkbook(
      workbook({
        duty: [
          { date: '2026-10-01', endDate: '2026-10-03', kind: '节假日值班', person: '王芳' },
          { date: '2026-10-05', endDate: '2026-10-04', kind: '节假日值班', person: '外聘门卫' },
        ],
      }),
    );
    expect(at(problems)).toEqual(['duty:3:endDate:before']);
    expect(problems[0]!.message['zh-CN']).toBe('第 3 行「结束日期」(2026-10-04) 早于「日期」(2026-10-05)');
  });

  it('fees: approved item at the approved amount, in period, deposited the same day, unique receipts', () => {
    const pay = (receiptNo: string, extra: Record<string, unknown>) =>
      receipt(receiptNo, { amount: 120, ...extra });
    const problems = validateWorkbook(
      workbook(
        {
          feeItems: [
            {
              code: 'F01',
              name: '作业本',
              kind: '代办费',
              standard: 60,
              periodStart: '2026-09-01',
              periodEnd: '2026-09-30',
            },
          ],
          feePayments: [
            pay('S1', { quantity: 2 }),
            pay('S2', { amount: 100 }),
            pay('S2', { itemCode: 'F99' }),
            pay('S4', { date: '2026-10-02', depositDate: '2026-10-03', amount: 60 }),
            pay('S5', { depositDate: '', amount: 60 }),
          ],
        },
        '2026-10-05',
      ),
    );
    expect(at(problems)).toEqual([
      'feePayments:3:receiptNo:duplicate',
      'feePayments:3:amount:feeAmount',
      'feePayments:4:receiptNo:duplicate',
      'feePayments:4:itemCode:notInSheet',
      'feePayments:5:date:outsidePeriod',
      'feePayments:5:depositDate:notDepositedSameDay',
      'feePayments:6:depositDate:notDeposited',
    ]);
    expect(problems.find((p) => p.code === 'feeAmount')!.message.en).toBe(
      'Row 3: Amount must be the approved standard 60 × 1 = 60, not 100',
    );
  });

  it('fees: a refund is at most what its receipt collected, dated on or after it, and has a date', () => {
    const problems = validateWorkbook(
      workbook(
        {
          feeItems: [{ code: 'F01', name: '作业本', kind: '代办费', standard: 60 }],
          feePayments: [
            receipt('S1', { refundAmount: 12.5, refundDate: '2026-12-20' }),
            receipt('S2', { refundAmount: 60.01, refundDate: '2026-12-20' }),
            receipt('S3', { refundAmount: 5, refundDate: '2026-08-31' }),
            receipt('S4', { refundAmount: 5 }),
          ],
        },
        '2026-12-21',
      ),
    );
    expect(at(problems)).toEqual([
      'feePayments:3:refundAmount:refundOverPaid',
      'feePayments:4:refundDate:before',
      'feePayments:5:refundDate:refundNoDate',
    ]);
    expect(problems[0]!.message['zh-CN']).toBe('第 3 行退费 60.01 元超过这张收据所收的 60 元');
    expect(problems[2]!.severity).toBe('warning');
  });

  it('fees: an agency fee names the class whose statement settles it; an approved fee need not', () => {
    const pay = (receiptNo: string, itemCode: string, className: string) =>
      receipt(receiptNo, { itemCode, className });
    const problems = validateWorkbook(
      workbook(
        {
          feeItems: [
            { code: 'F01', name: '作业本', kind: '代办费', standard: 60 },
            { code: 'F02', name: '住宿费', kind: '核定收费', standard: 60 },
          ],
          feePayments: [pay('S1', 'F01', ''), pay('S2', 'F01', '初一(1)班'), pay('S3', 'F02', '')],
        },
        '2026-09-01',
      ),
    );
    expect(at(problems)).toEqual(['feePayments:2:className:agencyNoClass']);
    expect(problems[0]!.severity).toBe('warning');
    expect(problems[0]!.message['zh-CN']).toBe(
      '第 2 行「作业本」是代办费，请填写班级：没有班级的收费不在任何班级的代办费清单上，期末无法多退少补',
    );
  });

  it('agency spending: an agency-fee item that exists, a handler on the roster', () => {
    const spend = (extra: Record<string, unknown>) => ({
      date: '2026-09-10',
      className: '初一(1)班',
      itemCode: 'F01',
      amount: 80,
      purchase: '作业本',
      handler: '王芳',
      ...extra,
    });
    const problems = validateWorkbook(
      workbook(
        {
          roster: [person('王芳')],
          feeItems: [
            { code: 'F01', name: '作业本', kind: '代办费', standard: 60 },
            { code: 'F02', name: '住宿费', kind: '核定收费', standard: 800 },
          ],
          agencySpending: [
            spend({}),
            spend({ className: '', itemCode: 'F02' }),
            spend({ itemCode: 'F99', handler: '路人' }),
            spend({ amount: 0, purchase: '' }),
          ],
        },
        '2026-09-11',
      ),
    );
    expect(at(problems)).toEqual([
      'agencySpending:3:itemCode:notAgency',
      'agencySpending:4:itemCode:notInSheet',
      'agencySpending:4:handler:notInSheet',
      'agencySpending:5:amount:above',
      'agencySpending:5:purchase:required',
    ]);
    expect(problems[0]!.message['zh-CN']).toBe(
      '第 3 行「住宿费」(F02) 不是代办费项目，代办费支出只能记在代办费项目下',
    );
  });

  it('roster: valid e-mail; canteen staff need a health certificate, expired while on duty is an error', () => {
    const problems = validateWorkbook(
      workbook({
        roster: [
          person('甲', '食堂从业人员', { email: 'not-an-email' }),
          person('乙', '食堂从业人员', { healthCertExpiry: '2026-08-01', onDuty: true }),
          person('丙', '食堂从业人员', { healthCertExpiry: '2026-08-01', onDuty: false }),
          person('丁', '食堂从业人员', { healthCertExpiry: '2026-09-10', onDuty: true }),
        ],
      }),
    );
    expect(problems.map((p) => `${p.row}:${p.column}:${p.code}:${p.severity}`)).toEqual([
      '2:email:notEmail:error',
      '2:healthCertExpiry:requiredWhen:error',
      '3:healthCertExpiry:healthCertExpired:error',
      '4:healthCertExpiry:healthCertExpiredOffDuty:warning',
      '5:healthCertExpiry:healthCertExpiring:warning',
    ]);
  });

  it('canteen: samples ≥ 125 g kept ≥ 48 h; purchases need a valid supplier certificate; expiry flagged', () => {
    const sample = (weight: number, hours: number) => ({
      date: '2026-09-01',
      meal: '午餐',
      dish: '青菜',
      weight,
      sampledAt: instantOf('2026-09-01', TZ, 11),
      discardedAt: new Date(instantOf('2026-09-01', TZ, 11).getTime() + hours * 3_600_000),
    });
    const problems = validateWorkbook(
      workbook({
        canteenSamples: [sample(130, 48), sample(100, 47)],
        supplierCertificates: [
          { supplier: '绿源蔬菜', certificate: '食品经营许可证', expiry: '2026-08-01' },
          { supplier: '光明乳业', certificate: '食品经营许可证', expiry: '2027-08-01' },
        ],
        canteenPurchases: [
          { date: '2026-09-01', supplier: '绿源蔬菜', goods: '青菜' },
          { date: '2026-09-01', supplier: '光明乳业', goods: '牛奶' },
          { date: '2026-09-01', supplier: '无名商贩', goods: '肉' },
        ],
      }),
    );
    expect(at(problems)).toEqual([
      'canteenSamples:3:weight:sampleTooLight',
      'canteenSamples:3:discardedAt:sampleTooShort',
      'canteenPurchases:2:supplier:certificateExpiredOnPurchase',
      'canteenPurchases:4:supplier:noCertificate',
      'supplierCertificates:2:expiry:certificateExpired',
    ]);
  });

  it('says which sheets a sheet needs for its lookups', () => {
    expect(sheetsNeededFor('assets').sort()).toEqual(['assets', 'repairs', 'roster']);
    expect(sheetsNeededFor('roster')).toEqual(['roster']);
  });
});
