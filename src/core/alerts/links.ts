import type { SheetKey } from '../sheets';

/** Where the workbook lives, so an e-mail can link straight to a row. */
export interface WorkbookLinks {
  readonly url: string;
  readonly gid: Partial<Record<SheetKey, number>>;
}

/** `<url>#gid=<sheetId>&range=A12`: opens the sheet with the row selected. */
export function rowLink(links: WorkbookLinks, sheet: SheetKey, row: number): string {
  const gid = links.gid[sheet];
  return gid === undefined ? links.url : `${links.url}#gid=${gid}&range=A${row}`;
}

/** `<url>#gid=<sheetId>`: opens the sheet itself, where the whole list is. */
export function sheetLink(links: WorkbookLinks, sheet: SheetKey): string {
  const gid = links.gid[sheet];
  return gid === undefined ? links.url : `${links.url}#gid=${gid}`;
}
