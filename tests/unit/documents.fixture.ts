import type { DrillRecord } from '../../src/core/documents';
import { at, table, TZ } from './figures.fixture';

/**
 * November 2026 at a small school, counted by hand in documents.test.ts; records in October and
 * December are there to be left out.
 */
export const NOVEMBER = { year: 2026, month: 11 };

export const SAFETY_INPUT = {
  timeZone: TZ,
  tables: {
    inspectionSchedules: table('inspectionSchedules', [
      { scheduleId: 'S1', item: '消防设施检查', location: '全校', frequency: '每周五' },
      { scheduleId: 'S2', item: '用电线路检查', location: '教学楼', frequency: '每月10日' },
    ]),
    tasks: table('tasks', [
      { taskId: 'T1', dueDate: at('2026-11-06'), source: 'inspection', ref: 'S1', status: 'done' },
      { taskId: 'T2', dueDate: at('2026-11-13'), source: 'inspection', ref: 'S1', status: 'done' },
      { taskId: 'T3', dueDate: at('2026-11-20'), source: 'inspection', ref: 'S1', status: 'todo' },
      { taskId: 'T4', dueDate: at('2026-11-10'), source: 'inspection', ref: 'S2', status: 'done' },
      { taskId: 'T5', dueDate: at('2026-11-25'), source: 'inspection', ref: 'S2', status: 'source_removed' },
      { taskId: 'T6', dueDate: at('2026-10-30'), source: 'inspection', ref: 'S1', status: 'done' },
      { taskId: 'T7', dueDate: at('2026-11-05'), source: 'calendar', ref: 'C1', status: 'done' },
    ]),
    inspectionResults: table('inspectionResults', [
      {
        date: at('2026-10-20'),
        location: '锅炉房',
        result: 'hazard',
        finding: '阀门锈蚀',
        fixDeadline: at('2026-10-25'),
        responsible: '李强',
      },
      {
        date: at('2026-10-22'),
        location: '操场',
        result: 'hazard',
        finding: '地面破损',
        fixDeadline: at('2026-10-30'),
        fixedDate: at('2026-10-28'),
      },
      {
        date: at('2026-11-03'),
        location: '楼梯',
        result: 'hazard',
        finding: '扶手松动',
        fixDeadline: at('2026-11-10'),
        fixedDate: at('2026-11-08'),
        responsible: '王工',
      },
      {
        date: at('2026-11-05'),
        location: '实验室',
        result: 'hazard',
        finding: '灭火器过期',
        fixDeadline: at('2026-11-07'),
        fixedDate: at('2026-11-12'),
        responsible: '赵敏',
      },
      {
        date: at('2026-11-15'),
        location: '食堂',
        result: 'hazard',
        finding: '燃气管老化',
        fixDeadline: at('2026-12-05'),
        responsible: '李强',
      },
      {
        date: at('2026-11-20'),
        location: '<b>宿舍</b>',
        result: 'hazard',
        finding: '<script>alert(1)</script>',
        fixDeadline: at('2026-11-25'),
        fixedDate: at('2026-12-02'),
      },
      { date: at('2026-11-09'), location: '教学楼', result: 'pass' },
      { date: at('2026-11-12'), location: '体育馆', result: 'pass' },
    ]),
    canteenSamples: table('canteenSamples', [
      {
        date: at('2026-11-02'),
        meal: 'lunch',
        dish: '米饭',
        weight: 150,
        sampledAt: at('2026-11-02', 11),
        discardedAt: at('2026-11-04', 12),
      },
      { date: at('2026-11-02'), meal: 'dinner', dish: '青菜', weight: 100, sampledAt: at('2026-11-02', 17) },
      { date: at('2026-11-03'), meal: 'lunch', dish: '豆腐', weight: 130, sampledAt: at('2026-11-03', 11) },
      { date: at('2026-10-31'), meal: 'lunch', dish: '鸡蛋', weight: 20, sampledAt: at('2026-10-31', 11) },
    ]),
    repairs: table('repairs', [
      {
        repairId: 'R1',
        reportedAt: at('2026-11-01', 9),
        status: 'done',
        completedAt: at('2026-11-02', 9),
        cause: 'wear',
      },
      { repairId: 'R2', reportedAt: at('2026-11-10', 9), status: 'reported', cause: 'person' },
      { repairId: 'R3', reportedAt: at('2026-11-11', 9), status: 'cancelled' },
      {
        repairId: 'R4',
        reportedAt: at('2026-10-28', 9),
        status: 'done',
        completedAt: at('2026-11-03', 15),
        cause: 'wear',
      },
      { repairId: 'R5', reportedAt: at('2026-11-30', 23, 30), status: 'reported', cause: 'unknown' },
      { repairId: 'R6', reportedAt: at('2026-12-01', 8), status: 'reported', cause: 'wear' },
    ]),
  },
};

export const DRILLS: DrillRecord[] = [
  { date: '2026-11-08', kind: 'drill', topic: '消防疏散演练', participants: 1200 },
  { date: '2026-11-18', kind: 'training', topic: '食品安全培训', participants: 45 },
  { date: '2026-10-30', kind: 'drill', topic: '防震演练', participants: 900 },
  { date: '2026-12-01', kind: 'openDay', topic: '家长开放日', participants: null },
];

/** An assets register: two rooms, one shared by two custodians, one scrapped asset, markup in a name. */
export const ASSETS = table('assets', [
  {
    assetId: 'ZC-003',
    name: '投影仪',
    model: 'EB-X51',
    location: '初一(1)班',
    custodian: '王芳',
    status: 'in_use',
    quantity: 1,
  },
  {
    assetId: 'ZC-001',
    name: '课桌椅',
    model: '1.2m 双人',
    location: '初一(1)班',
    custodian: '王芳',
    status: 'in_use',
    quantity: 45,
  },
  {
    assetId: 'ZC-002',
    name: '旧黑板',
    location: '初一(1)班',
    custodian: '王芳',
    status: 'scrapped',
    quantity: 1,
  },
  {
    assetId: 'ZC-004',
    name: '<script>alert(1)</script>',
    location: '初一(1)班',
    custodian: '王芳',
    status: 'under_repair',
  },
  {
    assetId: 'ZC-005',
    name: '饮水机',
    location: '初一(1)班',
    custodian: '李强',
    status: 'in_use',
    quantity: 1,
  },
  {
    assetId: 'ZC-010',
    name: '电脑',
    model: 'ThinkCentre',
    location: '初一(2)班',
    custodian: '李强',
    status: 'lent',
    quantity: 2,
  },
]);
