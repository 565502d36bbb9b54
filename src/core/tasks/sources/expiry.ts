import { fill, messages } from '../../i18n';
import { assets, roster, stockMovements, supplierCertificates } from '../../sheets';
import { typedCells } from '../../table/cells';
import { str } from '../../table/record';
import type { SheetRow } from '../../table/mapping';
import { addDays, type Day } from '../../time';
import type { PlannedTask } from '../model';
import { planned, type PlanContext } from './context';

export interface ExpiryRows {
  readonly roster: readonly SheetRow[];
  readonly suppliers: readonly SheetRow[];
  readonly assets: readonly SheetRow[];
  readonly movements: readonly SheetRow[];
}

const only = <C extends { key: string }>(columns: readonly C[], keys: string[]) =>
  columns.filter((c) => keys.includes(c.key));
const ROSTER = only(roster.columns, ['name', 'healthCertExpiry']);
const SUPPLIER = only(supplierCertificates.columns, ['supplier', 'certificate', 'certNo', 'expiry']);
const ASSET = only(assets.columns, ['assetId', 'name', 'location', 'custodian', 'status', 'serviceDue']);
const MOVEMENT = only(stockMovements.columns, ['date', 'itemId', 'type', 'party', 'dueDate', 'returnedDate']);

/**
 * Things that expire: health certificates, supplier certificates, service dates (fire
 * extinguishers) and borrowed items due back. The task falls `expiryLeadDays` before the date and
 * stays on each month's list until the date passes; a renewed date is a new task.
 */
export function expiryTasks(rows: ExpiryRows, ctx: PlanContext): PlannedTask[] {
  const out: PlannedTask[] = [];
  const titles = messages(ctx.lang).tasks.titles;
  const lead = ctx.settings.expiryLeadDays;
  const add = (
    expiry: unknown,
    ref: string,
    title: (date: Day) => string,
    who: { assignee: string; flag: string },
  ) => {
    if (typeof expiry !== 'string') return;
    const due = addDays(expiry, -lead);
    if (due <= ctx.to && expiry >= ctx.from) out.push(planned('expiry', ref, due, title(expiry), who));
  };
  for (const { cells } of rows.roster) {
    const t = typedCells(ROSTER, cells, ctx.timeZone);
    const name = str(t.name);
    if (name)
      add(t.healthCertExpiry, `health:${name}`, (date) => fill(titles.healthCert, { name, date }), {
        assignee: name,
        flag: '',
      });
  }
  const canteen = ctx.assign.byRole('canteen_manager');
  for (const { cells } of rows.suppliers) {
    const t = typedCells(SUPPLIER, cells, ctx.timeZone);
    const supplier = str(t.supplier);
    const certificate = str(t.certificate);
    if (supplier && certificate)
      add(
        t.expiry,
        `cert:${supplier}:${str(t.certNo) || certificate}`,
        (date) => fill(titles.supplierCert, { supplier, certificate, date }),
        canteen,
      );
  }
  for (const { cells } of rows.assets) {
    if (cells.serviceDue === '') continue;
    const t = typedCells(ASSET, cells, ctx.timeZone);
    const id = str(t.assetId);
    if (!id || t.status === 'scrapped') continue;
    const custodian = str(t.custodian);
    add(
      t.serviceDue,
      `service:${id}`,
      (date) => fill(titles.service, { name: str(t.name), location: str(t.location), date }),
      custodian ? { assignee: custodian, flag: '' } : ctx.assign.byRole('electrician'),
    );
  }
  const storekeeper = ctx.assign.byRole('storekeeper');
  for (const { cells } of rows.movements) {
    if (cells.dueDate === '' || cells.returnedDate !== '') continue;
    const t = typedCells(MOVEMENT, cells, ctx.timeZone);
    if (t.type !== 'borrow' || typeof t.date !== 'string') continue;
    const item = str(t.itemId);
    const party = str(t.party);
    add(
      t.dueDate,
      `borrow:${item}:${party}:${t.date}`,
      (date) => fill(titles.borrow, { item, party, date }),
      storekeeper,
    );
  }
  return out;
}
