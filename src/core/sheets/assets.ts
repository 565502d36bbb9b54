import { defineSheet } from './define';

export const assets = defineSheet({
  key: 'assets',
  columns: [
    { key: 'assetId', type: 'id', required: true, unique: true, maxLength: 40, aliases: ['编号', 'ID'] },
    { key: 'name', type: 'text', required: true, maxLength: 100 },
    { key: 'category', type: 'enum', enum: 'assetCategory', required: true },
    { key: 'model', type: 'text', maxLength: 100 },
    { key: 'location', type: 'text', required: true, maxLength: 100 },
    { key: 'custodian', type: 'text', required: true, maxLength: 50 },
    { key: 'purchaseDate', type: 'date' },
    { key: 'value', type: 'amount', min: 0, aliases: ['金额(元)'] },
    { key: 'quantity', type: 'integer', min: 1 },
    { key: 'status', type: 'enum', enum: 'assetStatus', required: true },
    { key: 'scrapDate', type: 'date' },
    { key: 'serviceDue', type: 'date' },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
    // 验收: an asset counts as registered (and its invoice can be reimbursed) once accepted.
    { key: 'acceptedBy', type: 'text', maxLength: 50 },
    { key: 'acceptedDate', type: 'date' },
    { key: 'invoiceNo', type: 'id', maxLength: 40 },
  ],
});
