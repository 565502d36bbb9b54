import type { Emulator } from '../../emulator';
import { fillSheet } from './workbook';

/** The staff the sidebar tests sign in as. */
export const STAFF = {
  head: 'head@school.example', // 王芳, the office head
  electrician: 'li@school.example', // 李强
  guard: 'zhang@school.example', // 张伟
} as const;

/**
 * A small office the quick actions can work on: three staff, one asset, one stock item bought in
 * on 2026-08-30, one fee item and one inspection schedule.
 */
export function fillOffice(emu: Emulator): void {
  fillSheet(emu, 'roster', [
    { name: '王芳', role: '总务主任', email: STAFF.head, onDuty: true },
    { name: '李强', role: '水电工', email: STAFF.electrician, onDuty: true },
    { name: '张伟', role: '门卫', email: STAFF.guard, onDuty: true },
  ]);
  fillSheet(emu, 'assets', [
    {
      assetId: 'ZC-001',
      name: '投影仪',
      category: '电教/信息设备',
      location: '初一(1)班',
      custodian: '王芳',
      status: '在用',
    },
  ]);
  fillSheet(emu, 'stockItems', [
    { itemId: 'WZ-01', name: '粉笔', unit: '盒', minStock: 5, stock: 10, returnable: true },
  ]);
  fillSheet(emu, 'stockMovements', [
    { date: new Date('2026-08-30T00:00:00+08:00'), itemId: 'WZ-01', type: '采购入库', quantity: 10 },
  ]);
  fillSheet(emu, 'feeItems', [
    { code: 'F01', name: '作业本费', kind: '代办费', standard: 12.5, unit: '学期' },
  ]);
  fillSheet(emu, 'inspectionSchedules', [
    { scheduleId: 'XJ-01', item: '消防器材检查', location: '教学楼', frequency: '每周五', active: true },
  ]);
}
