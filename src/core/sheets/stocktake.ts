import { defineSheet } from './define';

/**
 * 盘点表: one row per stock item and per asset of a stocktake, written by Houqin when it starts
 * (the book quantity then), counted by the office (实盘数量), then approved by the office head:
 * the variance is written and the ledgers adjusted (状态 已调整). Rows of past stocktakes stay.
 */
export const stocktake = defineSheet({
  key: 'stocktake',
  generated: true,
  columns: [
    { key: 'countDate', type: 'date', owner: 'houqin' },
    { key: 'kind', type: 'enum', enum: 'stocktakeKind', owner: 'houqin', width: 70 },
    { key: 'ref', type: 'id', owner: 'houqin', width: 110 },
    { key: 'name', type: 'text', owner: 'houqin', width: 160 },
    { key: 'location', type: 'text', owner: 'houqin', width: 120 },
    { key: 'unit', type: 'text', owner: 'houqin', width: 60 },
    { key: 'bookQty', type: 'number', owner: 'houqin' },
    { key: 'counted', type: 'number', min: 0 },
    { key: 'variance', type: 'number', owner: 'houqin' },
    { key: 'status', type: 'enum', enum: 'stocktakeStatus', owner: 'houqin', width: 70 },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
  ],
});
