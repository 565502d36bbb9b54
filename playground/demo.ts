/**
 * The demo workbook of `npm start`: a small school a few weeks into the autumn term. It is made as
 * an office would make it — the real "Set up workbook" menu item first, then rows typed under the
 * template's headers — and is the same on every start (no randomness, no wall clock).
 */
import { sheetDecl, type SheetKey } from '../src/core/sheets';
import { parseSettings } from '../src/core/settings/parse';
import type { SettingKey } from '../src/core/settings/schema';
import { sheetName } from '../src/core/table/labels';
import { enumLabel } from '../src/core/table/labels';
import { mapHeaders, type CellValue } from '../src/core/table/mapping';
import { addDays, instantOf, type Day } from '../src/core/time';
import type { EnumKey, EnumValue } from '../src/core/sheets';
import type { Bundle } from '../emulator/bundle';
import { runMenuKey } from './menu';

/** The demo's "now": Monday of the third week of term, before the weekly digest is due again. */
export const DEMO_NOW = '2026-09-14T08:00:00+08:00';
const LANG = 'zh-CN';

type Row = Record<string, CellValue>;

const label = <E extends EnumKey>(list: E, value: EnumValue<E>): string => enumLabel(LANG, list, value);

/** Writes rows under the sheet's header by column key, wherever the header puts each column. */
function appendRows(bundle: Bundle, key: SheetKey, rows: readonly Row[]): void {
  const sheet = bundle.emu.spreadsheet.getSheetByName(sheetName(LANG, key));
  if (!sheet) throw new Error(`the demo needs the sheet ${sheetName(LANG, key)}`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
  const layout = mapHeaders(sheetDecl(key), header);
  const block = rows.map((row) => {
    const out: CellValue[] = new Array<CellValue>(header.length).fill('');
    for (const [column, value] of Object.entries(row)) {
      const at = layout.index[column];
      if (at === undefined) throw new Error(`${key} has no column ${column}`);
      out[at] = value;
    }
    return out;
  });
  const first = sheet.getLastRow() + 1;
  const missing = first + block.length - 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(first, 1, block.length, header.length).setValues(block);
}

function setSettings(bundle: Bundle, values: Partial<Record<SettingKey, string>>): void {
  const sheet = bundle.emu.spreadsheet.getSheetByName(sheetName(LANG, 'settings'))!;
  const { rowOf } = parseSettings(sheet.getDataRange().getValues());
  for (const [key, value] of Object.entries(values))
    sheet.getRange(rowOf[key as SettingKey]!, 2).setValue(value);
}

const TZ = 'Asia/Shanghai';
const at = (day: Day, hour = 0, minute = 0): Date => instantOf(day, TZ, hour, minute);

const STAFF: readonly [string, EnumValue<'role'>, string, string, Day | '', string][] = [
  ['张伟', 'head', 'zhangwei', '13800138001', '', '行政楼'],
  ['李娜', 'accountant', 'lina', '13800138002', '', ''],
  ['王芳', 'storekeeper', 'wangfang', '13800138003', '', '物资仓库'],
  ['刘强', 'electrician', 'liuqiang', '13800138004', '', '配电房、水泵房'],
  ['陈静', 'canteen_manager', 'chenjing', '13800138005', '2027-03-15', '食堂'],
  ['赵敏', 'canteen_staff', 'zhaomin', '13800138006', '2026-10-05', '食堂'],
  ['孙建国', 'guard', 'sunjianguo', '13800138007', '', '校门'],
  ['周丽', 'cleaner', 'zhouli', '13800138008', '', '教学楼一至三层'],
];

function roster(): Row[] {
  return STAFF.map(([name, role, mail, phone, cert, area]) => ({
    name,
    role: label('role', role),
    email: `${mail}@school.example`,
    phone,
    healthCertExpiry: cert ? at(cert) : '',
    onDuty: true,
    cleaningArea: area,
  }));
}

const ROOMS = [
  '初一(1)班',
  '初一(2)班',
  '初二(1)班',
  '初二(2)班',
  '初三(1)班',
  '物理实验室',
  '音乐教室',
  '图书室',
];
const CUSTODIANS = ['王芳', '刘强', '陈静', '张伟'];
const ASSET_KINDS: readonly [EnumValue<'assetCategory'>, string, string, number][] = [
  ['av_it', '投影仪', '爱普生 CB-X06', 3299],
  ['furniture', '学生课桌椅', '单人升降', 420],
  ['teaching', '交互式白板', '86 英寸', 8600],
  ['lab', '学生显微镜', 'XSP-2CA', 560],
  ['sports', '篮球架', '移动式', 2800],
  ['music_art', '立式钢琴', '珠江 UP118', 12800],
  ['books', '图书架', '双面六层', 650],
  ['canteen', '消毒柜', '康宝 380L', 3980],
  ['dormitory', '双层铁床', '1.9 米', 760],
  ['av_it', '台式电脑', '联想 启天 M450', 4599],
];

function assets(): Row[] {
  return Array.from({ length: 60 }, (_, i) => {
    const [category, name, model, value] = ASSET_KINDS[i % ASSET_KINDS.length]!;
    const status: EnumValue<'assetStatus'> =
      i === 7 ? 'under_repair' : i === 23 ? 'lent' : i === 41 ? 'scrapped' : 'in_use';
    return {
      // Leading zeros: an id stays text all the way to .xlsx and back.
      assetId: `ZC-${String(i + 1).padStart(4, '0')}`,
      name,
      category: label('assetCategory', category),
      model,
      location: category === 'canteen' ? '食堂' : ROOMS[i % ROOMS.length]!,
      custodian: CUSTODIANS[i % CUSTODIANS.length]!,
      purchaseDate: at(addDays('2021-03-01', i * 23)),
      value,
      quantity: category === 'furniture' ? 45 : 1,
      status: label('assetStatus', status),
      scrapDate: status === 'scrapped' ? at('2026-07-10') : '',
      serviceDue: category === 'canteen' || category === 'av_it' ? at(addDays('2026-09-20', i * 9)) : '',
    };
  });
}

function repairs(): Row[] {
  const r = (
    id: string,
    reported: Date,
    reporter: string,
    location: string,
    description: string,
    status: EnumValue<'repairStatus'>,
    extra: Row = {},
  ): Row => ({
    repairId: id,
    reportedAt: reported,
    reporter,
    location,
    description,
    status: label('repairStatus', status),
    ...extra,
  });
  const done = (day: Day, cost: number): Row => ({
    completedAt: at(day, 16),
    assignee: '刘强',
    cause: label('damageCause', 'wear'),
    cost,
  });
  return [
    r(
      'BX-20260901-001',
      at('2026-09-01', 9, 10),
      '李老师',
      '初一(1)班',
      '日光灯管不亮',
      'done',
      done('2026-09-01', 35),
    ),
    r(
      'BX-20260902-001',
      at('2026-09-02', 14, 0),
      '周丽',
      '教学楼二层卫生间',
      '水龙头漏水',
      'done',
      done('2026-09-03', 60),
    ),
    r('BX-20260904-001', at('2026-09-04', 10, 30), '何老师', '物理实验室', '投影仪无信号', 'in_progress', {
      assetId: 'ZC-0008',
      assignee: '刘强',
    }),
    r('BX-20260907-001', at('2026-09-07', 8, 20), '孙建国', '校门', '电动伸缩门遥控失灵', 'reported', {
      contractor: true,
    }),
    r('BX-20260909-001', at('2026-09-09', 15, 45), '马老师', '初二(2)班', '两张课桌桌腿松动', 'reported', {
      cause: label('damageCause', 'person'),
    }),
    r('BX-20260911-001', at('2026-09-11', 11, 5), '陈静', '食堂', '蒸饭柜温控器故障', 'reported'),
    r('BX-20260913-001', at('2026-09-13', 19, 30), '孙建国', '操场', '路灯两盏不亮', 'reported'),
  ];
}

const SCHEDULES: readonly [string, string, string, EnumValue<'role'>, string][] = [
  ['全校安全巡查', '全校', '每周五', 'head', '张伟'],
  ['食堂卫生检查', '食堂', '每天', 'canteen_manager', '陈静'],
  ['宿舍门窗、床铺、水龙头检查', '学生宿舍', '每周一', 'head', ''],
  ['电线线路与漏电检查', '全校', '每月15日', 'electrician', '刘强'],
  ['灭火器压力检查', '教学楼、宿舍、食堂', '每月1日', 'electrician', '刘强'],
  ['消防器材全面检查', '全校', '每学期初', 'electrician', ''],
  ['体育器材安全检查', '操场、体育馆', '每月20日', 'head', ''],
  ['楼梯间、走廊安全检查', '教学楼', '每周三', 'guard', '孙建国'],
  ['饮用水设备检查', '全校饮水机', '每周二', 'electrician', '刘强'],
  ['小卖部食品检查', '校内小卖部', '每两周', 'canteen_manager', ''],
  ['班级财产清点', '各班教室', '每学期末', 'storekeeper', '王芳'],
  ['实验室危化品检查', '化学实验室', '每月5日', 'head', ''],
  ['监控设备检查', '监控室', '每周四', 'guard', ''],
  ['配电房巡检', '配电房', '每周一', 'electrician', '刘强'],
  ['防雷设施检测', '全校', '每年4月1日', 'electrician', ''],
];

function inspectionSchedules(): Row[] {
  return SCHEDULES.map(([item, location, frequency, role, person], i) => ({
    scheduleId: `XJ-${String(i + 1).padStart(3, '0')}`,
    item,
    location,
    frequency,
    role: label('role', role),
    person,
    active: true,
  }));
}

function inspectionResults(): Row[] {
  const pass = label('inspectionResult', 'pass');
  return [
    { date: at('2026-09-04'), scheduleId: 'XJ-001', location: '全校', inspector: '张伟', result: pass },
    { date: at('2026-09-01'), scheduleId: 'XJ-005', location: '教学楼', inspector: '刘强', result: pass },
    {
      date: at('2026-09-02'),
      scheduleId: 'XJ-008',
      location: '教学楼东侧楼梯',
      inspector: '孙建国',
      result: label('inspectionResult', 'hazard'),
      finding: '三楼楼梯扶手松动',
      fixDeadline: at('2026-09-09'),
      responsible: '刘强',
    },
    { date: at('2026-09-11'), scheduleId: 'XJ-001', location: '全校', inspector: '张伟', result: pass },
  ];
}

const ITEMS: readonly [string, string, string, number, boolean][] = [
  ['WZ-001', 'A4 复印纸', '箱', 5, false],
  ['WZ-002', '无尘粉笔', '盒', 20, false],
  ['WZ-003', 'LED 灯管', '支', 10, false],
  ['WZ-004', '扫帚', '把', 8, false],
  ['WZ-005', '84 消毒液', '瓶', 6, false],
  ['WZ-006', '垃圾袋', '卷', 30, false],
  ['WZ-007', '便携投影仪', '台', 0, true],
  ['WZ-008', '篮球', '个', 5, true],
];

function stockItems(): Row[] {
  return ITEMS.map(([itemId, name, unit, minStock, returnable]) => ({
    itemId,
    name,
    unit,
    minStock,
    returnable,
    location: '物资仓库',
  }));
}

function stockMovements(): Row[] {
  const m = (
    day: Day,
    itemId: string,
    type: EnumValue<'stockMovementType'>,
    quantity: number,
    extra: Row = {},
  ): Row => ({
    date: at(day),
    itemId,
    type: label('stockMovementType', type),
    quantity,
    handler: '王芳',
    ...extra,
  });
  return [
    m('2026-08-25', 'WZ-001', 'purchase_in', 20, {
      unitPrice: 145,
      amount: 2900,
      secondHandler: '李娜',
      approver: '张伟',
      party: '文华办公用品店',
    }),
    m('2026-08-25', 'WZ-002', 'purchase_in', 100, { unitPrice: 6, amount: 600, party: '文华办公用品店' }),
    m('2026-08-26', 'WZ-003', 'purchase_in', 40, { unitPrice: 18.5, amount: 740, party: '明亮电器' }),
    m('2026-08-26', 'WZ-005', 'purchase_in', 12, { unitPrice: 9.8, amount: 117.6, party: '康洁日化' }),
    m('2026-08-27', 'WZ-004', 'purchase_in', 20, { unitPrice: 12, amount: 240, party: '康洁日化' }),
    m('2026-09-01', 'WZ-001', 'issue', 16, { party: '教务处' }),
    m('2026-09-01', 'WZ-002', 'issue', 85, { party: '初一年级组' }),
    m('2026-09-02', 'WZ-004', 'issue', 14, { party: '各班' }),
    m('2026-09-03', 'WZ-005', 'issue', 8, { party: '食堂' }),
    m('2026-09-03', 'WZ-003', 'issue', 12, { party: '刘强' }),
    m('2026-08-28', 'WZ-007', 'purchase_in', 2, {
      unitPrice: 2600,
      amount: 5200,
      secondHandler: '李娜',
      approver: '张伟',
      party: '明亮电器',
    }),
    m('2026-09-04', 'WZ-007', 'borrow', 1, { party: '何老师', dueDate: at('2026-09-11') }),
    m('2026-08-28', 'WZ-008', 'purchase_in', 10, { unitPrice: 98, amount: 980, party: '启航体育' }),
    m('2026-09-07', 'WZ-008', 'borrow', 4, { party: '体育组', dueDate: at('2026-09-21') }),
  ];
}

function feeItems(): Row[] {
  return [
    {
      code: 'F01',
      name: '作业本费',
      kind: label('feeKind', 'agency'),
      standard: 45,
      unit: '学期',
      periodStart: at('2026-09-01'),
      periodEnd: at('2026-09-30'),
      approvalRef: '区发改〔2026〕18号',
    },
    {
      code: 'F02',
      name: '午餐费',
      kind: label('feeKind', 'service'),
      standard: 300,
      unit: '月',
      periodStart: at('2026-09-01'),
      periodEnd: at('2027-01-22'),
      approvalRef: '区教育局备案',
    },
    {
      code: 'F03',
      name: '校服费',
      kind: label('feeKind', 'agency'),
      standard: 260,
      unit: '套',
      periodStart: at('2026-09-01'),
      periodEnd: at('2026-09-20'),
      approvalRef: '家委会议定',
    },
  ];
}

const PAYERS = [
  '林晓雨',
  '黄子轩',
  '吴欣怡',
  '郑浩然',
  '谢雨桐',
  '韩梓涵',
  '曹一鸣',
  '冯思远',
  '邓佳琪',
  '彭宇航',
  '蒋诗涵',
  '蔡俊杰',
];

function feePayments(): Row[] {
  return PAYERS.map((payer, i) => {
    const code = (['F01', 'F02', 'F03'] as const)[i % 3]!;
    const standard = { F01: 45, F02: 300, F03: 260 }[code];
    const day = addDays('2026-09-01', Math.floor(i / 2));
    return {
      receiptNo: String(2609001 + i).padStart(9, '0'),
      date: at(day),
      itemCode: code,
      payer,
      className: ROOMS[i % 5]!,
      quantity: 1,
      amount: standard,
      collector: '李娜',
      // One day's takings went to the bank a day late: the digest shows the gap.
      depositDate: at(i === 5 ? addDays(day, 1) : day),
    };
  });
}

/** 代办费支出: the school's exercise-book order (no class: shared by every payer) and one class's uniforms. */
function agencySpending(): Row[] {
  return [
    {
      date: at('2026-09-05'),
      itemCode: 'F01',
      amount: 150,
      purchase: '作业本 全校统一订购',
      voucherNo: 'PZ-2609-01',
      handler: '李娜',
    },
    {
      date: at('2026-09-12'),
      className: ROOMS[0]!,
      itemCode: 'F03',
      amount: 248.5,
      purchase: '校服 1 套',
      voucherNo: 'PZ-2609-02',
      handler: '李娜',
    },
  ];
}

const DISHES = ['红烧鸡块', '番茄炒蛋', '清炒时蔬', '紫菜蛋花汤'];

function canteenSamples(): Row[] {
  const rows: Row[] = [];
  for (let d = 0; d < 5; d++) {
    const day = addDays('2026-09-07', d);
    DISHES.slice(0, 3).forEach((dish, j) =>
      rows.push({
        date: at(day),
        meal: label('meal', 'lunch'),
        dish,
        // One sample short of 125 g: validation marks it.
        weight: d === 3 && j === 2 ? 100 : 150,
        sampledAt: at(day, 11, 30),
        discardedAt: at(addDays(day, 2), 12, 0),
        sampler: '赵敏',
      }),
    );
  }
  return rows;
}

function canteenDisinfection(): Row[] {
  return Array.from({ length: 5 }, (_, d) => ({
    date: at(addDays('2026-09-07', d)),
    meal: label('meal', 'lunch'),
    target: '餐具、餐盘',
    method: label('disinfectionMethod', d % 2 ? 'steam' : 'heat'),
    done: true,
    operator: '赵敏',
  }));
}

function canteenPurchases(): Row[] {
  return [
    {
      date: at('2026-09-07'),
      supplier: '绿源蔬菜配送',
      goods: '青菜、番茄、土豆',
      amount: 860,
      invoiceNo: '044001900111',
      receiver: '陈静',
    },
    {
      date: at('2026-09-08'),
      supplier: '康达肉类',
      goods: '鸡块 40 公斤',
      amount: 1240,
      invoiceNo: '044001900112',
      receiver: '陈静',
    },
    {
      date: at('2026-09-09'),
      supplier: '金穗粮油',
      goods: '大米 200 公斤、食用油 4 桶',
      amount: 1560,
      invoiceNo: '044001900113',
      receiver: '陈静',
    },
    {
      date: at('2026-09-10'),
      supplier: '绿源蔬菜配送',
      goods: '时令蔬菜',
      amount: 720,
      invoiceNo: '044001900114',
      receiver: '陈静',
    },
  ];
}

function supplierCertificates(): Row[] {
  return [
    {
      supplier: '绿源蔬菜配送',
      certificate: '食品经营许可证',
      certNo: 'JY14401060012345',
      expiry: at('2027-05-31'),
    },
    {
      supplier: '康达肉类',
      certificate: '动物检疫合格证明',
      certNo: '0044120260901',
      expiry: at('2026-09-30'),
    },
    {
      supplier: '金穗粮油',
      certificate: '食品经营许可证',
      certNo: 'JY14401060067890',
      expiry: at('2026-09-10'),
    },
  ];
}

/**
 * The duty roster: leadership's week, the gate, and the national-day holiday with its last days
 * still open (the digest and the month's tasks point at the gap).
 */
function duty(): Row[] {
  const week = label('dutyKind', 'week');
  const gate = label('dutyKind', 'gate');
  const holiday = label('dutyKind', 'holiday');
  return [
    { date: at('2026-09-14'), endDate: at('2026-09-18'), kind: week, person: '张伟', phone: '13800000001' },
    { date: at('2026-09-21'), endDate: at('2026-09-25'), kind: week, person: '李娜' },
    { date: at('2026-09-14'), kind: gate, person: '孙建国' },
    { date: at('2026-09-15'), kind: gate, person: '孙建国', note: '夜班另有值班教师' },
    { date: at('2026-10-01'), endDate: at('2026-10-03'), kind: holiday, person: '张伟' },
    { date: at('2026-10-04'), endDate: at('2026-10-05'), kind: holiday, person: '王芳' },
  ];
}

/** Sets up the workbook through the real menu item, then types the school's records into it. */
export function buildDemo(bundle: Bundle): void {
  bundle.emu.clock.set(DEMO_NOW);
  runMenuKey(bundle, 'setup');
  setSettings(bundle, {
    schoolName: '某某市第三中学',
    officeHead: 'zhangwei@school.example',
    officeEmails: 'zhangwei@school.example, lina@school.example, wangfang@school.example',
  });
  appendRows(bundle, 'roster', roster());
  appendRows(bundle, 'assets', assets());
  appendRows(bundle, 'repairs', repairs());
  appendRows(bundle, 'inspectionSchedules', inspectionSchedules());
  appendRows(bundle, 'inspectionResults', inspectionResults());
  appendRows(bundle, 'stockItems', stockItems());
  appendRows(bundle, 'stockMovements', stockMovements());
  appendRows(bundle, 'feeItems', feeItems());
  appendRows(bundle, 'feePayments', feePayments());
  appendRows(bundle, 'agencySpending', agencySpending());
  appendRows(bundle, 'canteenSamples', canteenSamples());
  appendRows(bundle, 'canteenDisinfection', canteenDisinfection());
  appendRows(bundle, 'canteenPurchases', canteenPurchases());
  appendRows(bundle, 'supplierCertificates', supplierCertificates());
  appendRows(bundle, 'duty', duty());
  // Setup's report is not part of the demo's story: start with a clean message list.
  bundle.emu.ui.alerts.length = 0;
}
