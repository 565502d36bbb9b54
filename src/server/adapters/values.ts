type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Sheet.getSheetValues, where -1 rows or columns ("down to the last with content") on a sheet with
 * none gives no rows instead of Apps Script's exception ("The number of rows in the range must be
 * at least 1."): an emptied Roster or a cleared header row is data to check, not a failed edit. The
 * sheet's extent is asked only then, so a read still costs one call.
 */
export function sheetValues(
  sheet: Sheet,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): unknown[][] {
  try {
    return sheet.getSheetValues(row, column, numRows, numColumns);
  } catch (error) {
    if (numRows === -1 && sheet.getLastRow() < row) return [];
    if (numColumns === -1 && sheet.getLastColumn() < column) return [];
    throw error;
  }
}
