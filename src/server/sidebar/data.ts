import { enumLabel, str, num, typedRecords, type TypedRecord } from '../../core/table';
import { findOverdue } from '../../core/overdue';
import { SHEETS, type SheetKey } from '../../core/sheets';
import {
  buildDashboard,
  dashboardTrends,
  formSpecs,
  type ListKey,
  localIso,
  suggestReceiptNo,
  userOf,
} from '../../core/sidebar';
import { dayOf } from '../../core/time';
import { checkWorkbook } from '../../core/validate';
import type { Table, Workbook } from '../adapters/workbook';
import type { ListChoice, SidebarData } from './api';
import { zhOrder } from '../../core/order';

const byLabel = (a: ListChoice, b: ListChoice) => zhOrder(a.label, b.label);
const joined = (...parts: string[]) => parts.filter(Boolean).join(' · ');

/** The drop-down lists, from records already read. */
function lists(records: (key: SheetKey) => TypedRecord[]): Record<ListKey, ListChoice[]> {
  const assets = records('assets').filter((r) => str(r.v.assetId) && r.v.status !== 'scrapped');
  const places = new Set<string>();
  for (const key of ['assets', 'inspectionSchedules', 'repairs'] as const)
    for (const r of records(key)) if (str(r.v.location)) places.add(str(r.v.location));
  return {
    assets: assets.map((r) => ({
      value: str(r.v.assetId),
      label: joined(`${str(r.v.assetId)} ${str(r.v.name)}`, str(r.v.location)),
    })),
    locations: [...places].map((p) => ({ value: p, label: p })).sort(byLabel),
    people: records('roster')
      .filter((r) => str(r.v.name) && r.v.onDuty !== false)
      .map((r) => ({ value: str(r.v.name), label: str(r.v.name) })),
    items: records('stockItems')
      .filter((r) => str(r.v.itemId))
      .map((r) => ({
        value: str(r.v.itemId),
        label: joined(str(r.v.name) || str(r.v.itemId), `${num(r.v.stock) ?? ''} ${str(r.v.unit)}`.trim()),
      })),
    feeItems: records('feeItems')
      .filter((r) => str(r.v.code) && num(r.v.standard) !== null)
      .map((r) => ({
        value: str(r.v.code),
        label: joined(str(r.v.name), `¥${num(r.v.standard)}`),
        standard: num(r.v.standard)!,
      })),
    schedules: records('inspectionSchedules')
      .filter((r) => str(r.v.scheduleId) && r.v.active !== false)
      .map((r) => ({
        value: str(r.v.scheduleId),
        label: joined(`${str(r.v.scheduleId)} ${str(r.v.item)}`, str(r.v.location)),
        location: str(r.v.location),
      })),
    openRepairs: records('repairs')
      .filter((r) => str(r.v.repairId) && r.v.status !== 'done' && r.v.status !== 'cancelled')
      .map((r) => ({
        value: str(r.v.repairId),
        label: joined(`${str(r.v.repairId)} ${str(r.v.description)}`, str(r.v.location)),
      })),
  };
}

/**
 * Everything the sidebar shows, from one read of each sheet: the dashboard, the drop-downs, the
 * forms, in the Settings language (the page's own text came embedded in the page).
 */
export function sidebarData(workbook: Workbook, now: Date): SidebarData {
  const { settings } = workbook.settings();
  const lang = settings.language;
  const tz = workbook.timeZone;
  const today = dayOf(now, tz);
  const tables: Partial<Record<SheetKey, Table>> = {};
  for (const { key } of SHEETS) {
    const table = workbook.table(key);
    if (table) tables[key] = table;
  }
  const cache = new Map<SheetKey, TypedRecord[]>();
  const records = (key: SheetKey) => {
    if (!cache.has(key)) cache.set(key, typedRecords(tables[key], tz));
    return cache.get(key)!;
  };
  const problems = checkWorkbook({ timeZone: tz, settings, today, tables }).problems.filter(
    (p) => p.severity === 'error',
  );
  return {
    lang,
    user: userOf(records('roster'), Session.getActiveUser().getEmail()).name,
    today,
    now: localIso(now, tz),
    dashboard: buildDashboard({
      today,
      overdue: findOverdue({ timeZone: tz, tables }, now, settings),
      schedules: records('inspectionSchedules'),
      results: records('inspectionResults'),
      tasks: records('tasks'),
      payments: records('feePayments'),
      repairs: records('repairs'),
      problems: problems.map((p) => ({ sheet: p.sheet, row: p.row, title: p.message[lang], detail: '' })),
      duty: records('duty'),
      dutyLabel: (kind) => enumLabel(lang, 'dutyKind', kind),
    }),
    trends: dashboardTrends({ timeZone: tz, tables }, now, settings),
    lists: lists(records),
    forms: formSpecs(lang),
    suggestedReceipt: suggestReceiptNo(
      records('feePayments')
        .map((r) => str(r.v.receiptNo))
        .filter(Boolean),
      today,
    ),
    sampleGrams: settings.sampleGrams,
  };
}
