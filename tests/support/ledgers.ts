/**
 * Ledgers shaped like what offices really keep, made by the tests: title rows above the header,
 * merged titles (only the first cell holds the text, as getValues and every .xlsx reader give it),
 * a header split over two rows, subtotals and totals, the header repeated on every printed page,
 * dates and amounts typed every way.
 */
const BLANK13 = () => Array<unknown>(13).fill('');
const titled = (text: string, width: number): unknown[] => [text, ...Array<unknown>(width - 1).fill('')];

export const ASSET_LEDGER_HEADER = [
  '卡片编号',
  '资产名称',
  '资产分类',
  '规格型号',
  '使用部门',
  '存放地点',
  '使用人',
  '取得日期',
  '数量',
  '单价',
  '原值(元)',
  '使用状况',
  '备注',
];

/** An asset ledger as exported from a school's asset system: 8 assets on two printed pages. */
export function assetLedger(): unknown[][] {
  const row = (i: number, date: unknown, value: unknown, status = '在用'): unknown[] => [
    `ZC${String(i).padStart(5, '0')}`,
    i % 2 ? '投影仪' : '学生课桌',
    i % 2 ? '电子设备' : '家具用具',
    i % 2 ? 'EB-C760X' : '1.2m',
    '教务处',
    `${100 + i}教室`,
    '王老师',
    date,
    1,
    value,
    value,
    status,
    '',
  ];
  return [
    titled('某某市第一中学固定资产台账', 13),
    ['单位：某某市第一中学', '', '', '', '', '', '', '', '', '', '', '截止日期：2023年12月31日', ''],
    BLANK13(),
    ASSET_LEDGER_HEADER,
    row(1, '2023.09.01', '12,800.00元'),
    row(2, '2023年9月1日', '３５００'),
    row(3, new Date(Date.UTC(2022, 2, 4, 16)), 4999.5),
    row(4, '2021/3/5', '￥1,200'),
    ['', '小计', '', '', '', '', '', '', 4, '', 22499.5, '', ''],
    BLANK13(),
    ASSET_LEDGER_HEADER,
    row(5, '2020-10-10', 800, '维修'),
    row(6, '2019年12月1日', '2,000.00', '在用'),
    row(7, '2019.1.1', 300),
    row(8, '2018/8/8', 9999),
    BLANK13(),
    ['合  计', '', '', '', '', '', '', '', 8, '', 35598.5, '', ''],
  ];
}

/** A ledger whose header spans two rows: 价值 merged over 单价 | 数量, without a value column. */
export function twoRowLedger(): unknown[][] {
  return [
    titled('教学设备登记表', 9),
    ['资产编号', '名称', '类别', '存放位置', '保管人', '价值', '', '状态', '购置日期'],
    ['', '', '', '', '', '单价', '数量', '', ''],
    ['SB-001', '显微镜', '实验仪器', '生物实验室', '李老师', '1,250.50', '4', '在用', '2022年3月1日'],
    ['SB-002', '天平', '实验仪器', '物理实验室', '李老师', 380, 2, '在用', '2022.3.1'],
    ['SB-003', '篮球架', '体育器材', '操场', '张老师', '￥6000', '１', '在用', '2020/9/1'],
  ];
}

/** A staff list whose e-mail column has no header at all. */
export function rosterList(): unknown[][] {
  return [
    ['2026 年秋季后勤人员名单', '', '', ''],
    ['姓名', '职务', '手机', ''],
    ['王建国', '总务主任', '13800138000', 'wang@school.cn'],
    ['李梅', '会计', '139 0013 9000', 'li@school.cn'],
    ['赵强', '保安员', '13700137000', 'zhao@school.cn'],
  ];
}

/** A stock book with opening balances. */
export function stockBook(): unknown[][] {
  return [
    ['物资库存表（期初）', '', '', '', '', ''],
    ['物资编码', '物资名称', '计量单位', '期初数量', '单价', '期初金额'],
    ['WZ-001', 'A4 复印纸', '包', 120, 22.5, 2700],
    ['WZ-002', '粉笔', '盒', '50', '3.00', ''],
    ['WZ-003', '拖把', '把', 0, 15, 0],
    ['', '合计', '', 170, '', 2850],
  ];
}
