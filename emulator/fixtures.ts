import type { Emulator } from '.';
import type { Lang } from '../src/core/lang';
import { sheetDecl, type SheetKey } from '../src/core/sheets';
import { columnHeader, enumLabel, sheetName } from '../src/core/table/labels';
import type { CellValue } from '../src/core/table/mapping';
import { addDays, instantOf } from '../src/core/time';

/**
 * Writes a template sheet the way an office would have it: header in `lang`, then rows given by
 * column key (missing keys left empty). Creates the sheet if needed and grows it to fit.
 */
export function fillSheet(
  emu: Emulator,
  key: SheetKey,
  rows: readonly Record<string, CellValue>[],
  lang: Lang = 'zh-CN',
): GoogleAppsScript.Spreadsheet.Sheet {
  const decl = sheetDecl(key);
  const name = sheetName(lang, key);
  const sheet = emu.spreadsheet.getSheetByName(name) ?? emu.spreadsheet.insertSheet(name);
  const header = decl.columns.map((c) => columnHeader(lang, key, c.key));
  const body = rows.map((r) => decl.columns.map((c) => r[c.key] ?? ''));
  const values = [header, ...body];
  if (sheet.getMaxRows() < values.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < header.length)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), header.length - sheet.getMaxColumns());
  // Text columns first, as setup formats them, so ids keep their leading zeros.
  decl.columns.forEach((c, i) => {
    if (c.type === 'id' || c.type === 'phone' || c.type === 'text')
      sheet.getRange(1, i + 1, values.length, 1).setNumberFormat('@');
  });
  sheet.getRange(1, 1, values.length, header.length).setValues(values);
  return sheet;
}

const TZ = 'Asia/Shanghai';
const PEOPLE = ['王芳', '李强', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄勇'];
const ROOMS = ['初一(1)班', '初一(2)班', '初二(1)班', '物理实验室', '音乐教室', '图书馆', '食堂', '行政楼'];

/** Plausible rows for benchmarks and volume tests: valid values, repeating every few rows. */
export function syntheticRows(key: SheetKey, n: number, lang: Lang = 'zh-CN'): Record<string, CellValue>[] {
  const out: Record<string, CellValue>[] = [];
  for (let i = 0; i < n; i++) {
    const day = addDays('2026-09-01', i % 80);
    const person = PEOPLE[i % PEOPLE.length]!;
    const room = ROOMS[i % ROOMS.length]!;
    switch (key) {
      case 'assets':
        out.push({
          assetId: `ZC-${String(i + 1).padStart(6, '0')}`,
          name: ['投影仪', '课桌', '篮球架', '显微镜', '钢琴', '书架'][i % 6]!,
          category: enumLabel(
            lang,
            'assetCategory',
            (['av_it', 'furniture', 'sports', 'lab', 'music_art', 'books'] as const)[i % 6]!,
          ),
          location: room,
          custodian: person,
          purchaseDate: instantOf(day, TZ),
          value: 100 + (i % 50) * 37.5,
          quantity: 1,
          status: enumLabel(lang, 'assetStatus', 'in_use'),
        });
        break;
      case 'repairs':
        out.push({
          repairId: `BX-${String(i + 1).padStart(6, '0')}`,
          reportedAt: instantOf(day, TZ, 8 + (i % 9)),
          reporter: person,
          location: room,
          description: ['灯管不亮', '门锁损坏', '水龙头漏水', '投影仪无信号'][i % 4]!,
          status: enumLabel(lang, 'repairStatus', i % 3 === 0 ? 'reported' : 'done'),
          completedAt: i % 3 === 0 ? '' : instantOf(addDays(day, 1), TZ, 10),
          cause: enumLabel(lang, 'damageCause', 'wear'),
        });
        break;
      case 'roster':
        out.push({
          name: i < PEOPLE.length ? person : `${person}${i}`,
          role: enumLabel(
            lang,
            'role',
            (
              [
                'head',
                'accountant',
                'storekeeper',
                'electrician',
                'canteen_staff',
                'guard',
                'cleaner',
                'teacher',
              ] as const
            )[i % 8]!,
          ),
          email: `staff${i}@school.example`,
          onDuty: true,
          healthCertExpiry: instantOf('2027-06-30', TZ),
        });
        break;
      case 'feePayments':
        out.push({
          receiptNo: `SJ-${String(i + 1).padStart(7, '0')}`,
          date: instantOf(day, TZ),
          itemCode: 'F01',
          payer: `学生${i}`,
          className: room,
          quantity: 1,
          amount: 120,
          collector: person,
          depositDate: instantOf(day, TZ),
        });
        break;
      case 'inspectionSchedules':
        out.push({
          scheduleId: `XJ-${String(i + 1).padStart(3, '0')}`,
          item: ['消防器材', '电路漏电', '楼梯通道', '宿舍门窗', '食堂卫生'][i % 5]!,
          location: room,
          frequency: ['每周五', '每天', '每2周一', '每月15日', '每月首个上学日', '每学期末'][i % 6]!,
          role: enumLabel(lang, 'role', (['guard', 'electrician', 'head', 'storekeeper'] as const)[i % 4]!),
          active: true,
        });
        break;
      default:
        throw new Error(`no synthetic rows for ${key}`);
    }
  }
  return out;
}

/** A workbook holding about `rows` data rows across the busiest sheets, for benchmarks. */
export function syntheticWorkbook(emu: Emulator, rows: number): void {
  fillSheet(emu, 'roster', syntheticRows('roster', 40));
  fillSheet(emu, 'assets', syntheticRows('assets', Math.round(rows * 0.5)));
  fillSheet(emu, 'repairs', syntheticRows('repairs', Math.round(rows * 0.25)));
  fillSheet(emu, 'feePayments', syntheticRows('feePayments', Math.round(rows * 0.25)));
}

/** Sets a Settings value by its label (as a person would type it). */
export function setSetting(emu: Emulator, label: string, value: unknown): void {
  const sheet = emu.spreadsheet.getSheetByName('设置') ?? emu.spreadsheet.getSheetByName('Settings')!;
  const labels = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  const row = labels.indexOf(label);
  if (row < 0) throw new Error(`no setting ${label}`);
  sheet.getRange(row + 1, 2).setValue(value);
}
