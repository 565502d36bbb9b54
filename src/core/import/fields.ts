import type { ColumnDecl, ColumnType, SheetKey } from '../sheets';
import { sheetDecl } from '../sheets';

/** Where a ledger can be imported to. */
export const IMPORT_TARGETS = [
  'assets',
  'stockItems',
  'roster',
  'feeItems',
  'inspectionSchedules',
  'repairs',
] as const satisfies readonly SheetKey[];
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export function isImportTarget(value: unknown): value is ImportTarget {
  return typeof value === 'string' && (IMPORT_TARGETS as readonly string[]).includes(value);
}

/**
 * A field a ledger column can fill: a column of the target sheet the office owns, or a figure the
 * import turns into one (a unit price making the value, an opening balance making a movement).
 */
export interface ImportField {
  readonly key: string;
  readonly type: ColumnType;
  /** Not a column of the target sheet: used to compute one (or another sheet's row). */
  readonly virtual?: boolean;
  /** The declared column, for the sheet's own fields. */
  readonly decl?: ColumnDecl;
}

/**
 * Header texts real systems export, per field (compared after folding width, case, spaces and a
 * trailing unit such as "(元)"). `strong` names are matched first; `weak` ones only when no column
 * was found by a strong name (使用部门 stands for the place only in a ledger without 存放地点).
 * Houqin's own headers in both languages and the declared aliases are always accepted.
 */
interface Names {
  readonly strong: readonly string[];
  readonly weak?: readonly string[];
}

type Synonyms = Record<string, Names>;

const NOTE: Names = { strong: ['备注', '说明', '附注', 'note', 'notes', 'remark', 'remarks', 'comment'] };

export const SYNONYMS: Record<ImportTarget, Synonyms> = {
  assets: {
    assetId: {
      strong: [
        '资产编号',
        '资产编码',
        '资产代码',
        '卡片编号',
        '卡片号',
        '资产卡片号',
        '卡片编码',
        '固定资产编号',
        '财产编号',
        '资产条码',
        '条形码',
        '标签号',
        'asset id',
        'asset no',
        'asset no.',
        'asset number',
        'asset code',
        'asset tag',
        'card no',
        'card no.',
        'tag',
      ],
      weak: ['编号', '编码', '代码', 'id', 'no', 'no.', 'code'],
    },
    name: {
      strong: ['资产名称', '设备名称', '财产名称', '固定资产名称', 'asset name', 'asset'],
      weak: ['名称', '品名', '物品名称', 'name', 'description', 'item'],
    },
    category: {
      strong: [
        '资产分类名称',
        '分类名称',
        '类别名称',
        '资产类别',
        '资产分类',
        '类别',
        '分类',
        '资产类型',
        'category',
        'asset category',
        'class',
      ],
      weak: ['类型', '国标分类', 'type'],
    },
    model: {
      strong: ['规格型号', '型号规格', '规格/型号', '品牌型号', 'model', 'specification', 'model/spec'],
      weak: ['规格', '型号', 'spec', 'specs'],
    },
    location: {
      strong: [
        '存放地点',
        '存放位置',
        '存放地',
        '所在位置',
        '所在地点',
        '使用地点',
        '位置',
        '地点',
        'location',
        'place',
        'room',
      ],
      weak: ['使用部门', '部门', '使用单位', '管理部门', 'department', 'dept'],
    },
    custodian: {
      strong: [
        '保管人',
        '使用人',
        '责任人',
        '保管责任人',
        '领用人',
        '管理人',
        '使用保管人',
        'custodian',
        'keeper',
        'user',
        'responsible',
      ],
    },
    purchaseDate: {
      strong: [
        '购置日期',
        '取得日期',
        '购买日期',
        '购入日期',
        '购进日期',
        '验收日期',
        'purchase date',
        'date acquired',
        'acquisition date',
        'acquired',
      ],
      weak: ['入账日期', '记账日期', '启用日期', '使用日期', '日期', 'date'],
    },
    value: {
      strong: [
        '原值',
        '资产原值',
        '账面原值',
        '价值',
        '金额',
        '总价',
        '总金额',
        '原价',
        'value',
        'original value',
        'cost',
        'amount',
        'book value',
      ],
      weak: ['账面价值', '净值', 'total'],
    },
    unitPrice: { strong: ['单价', '单位价格', 'unit price', 'price'] },
    quantity: { strong: ['数量', '台数', '件数', '台/件', 'qty', 'quantity', 'count'] },
    status: {
      strong: ['使用状况', '使用状态', '资产状态', '状态', '现状', '使用情况', 'status', 'condition'],
    },
    scrapDate: { strong: ['报废日期', '处置日期', 'scrap date', 'disposal date', 'scrapped'] },
    serviceDue: { strong: ['下次检修日期', '检修日期', '保养日期', 'service due', 'next service'] },
    note: NOTE,
  },
  stockItems: {
    itemId: {
      strong: [
        '物品编号',
        '物资编号',
        '物资编码',
        '物料编码',
        '物料编号',
        '存货编码',
        '商品编码',
        '材料编码',
        'item id',
        'item no',
        'item code',
        'sku',
      ],
      weak: ['编号', '编码', '代码', 'id', 'no', 'no.', 'code'],
    },
    name: {
      strong: ['物品名称', '物资名称', '存货名称', '商品名称', '材料名称', '品名', 'item name', 'item'],
      weak: ['名称', 'name', 'description'],
    },
    unit: { strong: ['单位', '计量单位', 'unit', 'uom'] },
    minStock: {
      strong: ['最低库存', '安全库存', '库存下限', '最低存量', 'min stock', 'minimum', 'reorder level'],
    },
    returnable: { strong: ['可借用', '可否借用', '是否可借', 'returnable'] },
    location: { strong: ['存放位置', '存放地点', '库位', '仓库', '货位', 'location', 'warehouse', 'bin'] },
    note: NOTE,
    openingQty: {
      strong: [
        '期初数量',
        '期初库存',
        '期初结存',
        '结存数量',
        '库存数量',
        '现存数量',
        '现存量',
        '当前库存',
        '结存',
        '库存',
        'opening',
        'opening balance',
        'opening quantity',
        'on hand',
        'stock',
        'balance',
      ],
      weak: ['数量', 'qty', 'quantity'],
    },
    unitPrice: { strong: ['单价', '单位价格', 'unit price', 'price'] },
    openingAmount: { strong: ['期初金额', '结存金额', '库存金额', '金额', 'amount', 'value'] },
  },
  roster: {
    name: {
      strong: ['姓名', '教职工姓名', '职工姓名', '员工姓名', '名字', 'name', 'full name', 'staff name'],
    },
    role: {
      strong: [
        '岗位',
        '职务',
        '职位',
        '工种',
        '岗位名称',
        '角色',
        'role',
        'position',
        'job',
        'job title',
        'post',
      ],
    },
    email: {
      strong: [
        '邮箱',
        '电子邮箱',
        '电子邮件',
        '邮件',
        '邮箱地址',
        'email',
        'e-mail',
        'mail',
        'email address',
      ],
    },
    phone: {
      strong: [
        '电话',
        '手机',
        '手机号',
        '手机号码',
        '联系电话',
        '联系方式',
        '电话号码',
        '移动电话',
        'phone',
        'mobile',
        'tel',
        'telephone',
        'cell',
      ],
    },
    healthCertExpiry: {
      strong: [
        '健康证到期日',
        '健康证有效期',
        '健康证有效期至',
        '健康证到期',
        '健康证到期日期',
        'health certificate expiry',
        'health cert expiry',
      ],
    },
    onDuty: { strong: ['在岗', '是否在岗', 'on duty'] },
    cleaningArea: { strong: ['卫生包干区', '包干区', '卫生区', '责任区', 'cleaning area'] },
    note: NOTE,
  },
  feeItems: {
    code: {
      strong: [
        '项目编号',
        '项目代码',
        '收费编码',
        '收费项目编号',
        '项目编码',
        'code',
        'item code',
        'fee code',
      ],
      weak: ['编号', '编码', '代码', 'id', 'no', 'no.'],
    },
    name: {
      strong: ['收费项目', '项目名称', '收费名称', '项目', 'fee item', 'fee', 'item'],
      weak: ['名称', 'name'],
    },
    kind: { strong: ['收费类别', '收费性质', '类别', '性质', '类型', 'kind', 'type', 'category'] },
    standard: {
      strong: ['收费标准', '标准', '收费金额', '标准金额', 'standard', 'fee amount', 'rate'],
      weak: ['金额', '单价', 'amount', 'price'],
    },
    unit: { strong: ['计费单位', '收费单位', '单位', 'unit', 'per'] },
    periodStart: {
      strong: ['收费开始日期', '开始日期', '起始日期', '执行日期', 'start', 'from', 'start date'],
    },
    periodEnd: { strong: ['收费截止日期', '截止日期', '结束日期', '终止日期', 'end', 'until', 'end date'] },
    approvalRef: {
      strong: ['批准文号', '审批文号', '批文', '文号', '批准机关文号', 'approval', 'approval ref'],
    },
  },
  inspectionSchedules: {
    scheduleId: { strong: ['计划编号', 'schedule id'], weak: ['编号', 'id', 'no', 'no.', 'code'] },
    item: { strong: ['检查项目', '巡检项目', '检查内容', '项目', '内容', 'item', 'check'] },
    location: {
      strong: ['地点/范围', '地点', '范围', '位置', '区域', '检查部位', '部位', 'location', 'area', 'place'],
    },
    frequency: { strong: ['频次', '频率', '检查频次', '周期', '检查周期', 'frequency', 'how often'] },
    role: { strong: ['负责岗位', '岗位', 'role'] },
    person: { strong: ['负责人', '责任人', '检查人', '巡检人', 'person', 'responsible', 'inspector'] },
    active: { strong: ['启用', '是否启用', 'active'] },
  },
  repairs: {
    repairId: {
      strong: ['报修单号', '维修单号', '工单号', '单号', '报修编号', 'repair id', 'ticket', 'ticket no'],
      weak: ['编号', 'id', 'no', 'no.'],
    },
    reportedAt: {
      strong: ['报修时间', '报修日期', 'reported', 'reported at'],
      weak: ['日期', '时间', 'date'],
    },
    reporter: { strong: ['报修人', '报告人', '申报人', '报修教师', 'reporter', 'reported by'] },
    location: { strong: ['地点', '报修地点', '维修地点', '位置', '部门/地点', 'location', 'place'] },
    assetId: { strong: ['资产编号', '卡片编号', '资产代码', '资产编码', 'asset id', 'asset no'] },
    description: {
      strong: [
        '故障描述',
        '故障现象',
        '报修内容',
        '维修内容',
        '问题描述',
        '损坏情况',
        '内容',
        '事由',
        'description',
        'fault',
        'problem',
      ],
    },
    assignee: { strong: ['维修人', '维修人员', '维修工', '处理人', 'assignee', 'repaired by', 'technician'] },
    contractor: { strong: ['需外包维修', '外包', '是否外包', '外修', 'contractor'] },
    status: { strong: ['状态', '维修状态', '处理状态', '处理结果', 'status'] },
    completedAt: {
      strong: ['维修完成时间', '完成时间', '完成日期', '修复时间', '修复日期', 'completed', 'completed at'],
    },
    cause: { strong: ['损坏原因', '原因', 'cause'] },
    responsible: { strong: ['赔偿责任人', '责任人', 'responsible'] },
    compensation: { strong: ['赔偿金额', '赔偿', 'compensation'] },
    waived: { strong: ['免予赔偿', 'waived'] },
    cost: { strong: ['维修费用', '费用', '维修金额', '金额', 'cost', 'amount'] },
    note: NOTE,
  },
};

const VIRTUAL: Partial<Record<ImportTarget, readonly ImportField[]>> = {
  assets: [{ key: 'unitPrice', type: 'amount', virtual: true }],
  stockItems: [
    { key: 'openingQty', type: 'number', virtual: true },
    { key: 'unitPrice', type: 'amount', virtual: true },
    { key: 'openingAmount', type: 'amount', virtual: true },
  ],
};

/** The fields of a target in the order the preview lists them: the sheet's columns, then the figures. */
export function importFields(target: ImportTarget): readonly ImportField[] {
  const decl = sheetDecl(target);
  const own: ImportField[] = decl.columns
    .filter((c) => c.owner !== 'houqin')
    .map((c) => ({ key: c.key, type: c.type, decl: c }));
  return [...own, ...(VIRTUAL[target] ?? [])];
}

/** The column that identifies a record: an update matches on it. */
export function idField(target: ImportTarget): string {
  return sheetDecl(target).columns.find((c) => c.unique)!.key;
}
