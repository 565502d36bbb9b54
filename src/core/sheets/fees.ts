import { defineSheet } from './define';

export const feeItems = defineSheet({
  key: 'feeItems',
  columns: [
    { key: 'code', type: 'id', required: true, unique: true, maxLength: 40 },
    { key: 'name', type: 'text', required: true, maxLength: 100 },
    { key: 'kind', type: 'enum', enum: 'feeKind', required: true },
    { key: 'standard', type: 'amount', required: true, min: 0 },
    { key: 'unit', type: 'text', maxLength: 20 },
    { key: 'periodStart', type: 'date' },
    { key: 'periodEnd', type: 'date' },
    { key: 'approvalRef', type: 'text', maxLength: 100 },
  ],
});

export const feePayments = defineSheet({
  key: 'feePayments',
  columns: [
    { key: 'receiptNo', type: 'id', required: true, unique: true, maxLength: 40 },
    { key: 'date', type: 'date', required: true },
    { key: 'itemCode', type: 'id', required: true, maxLength: 40 },
    { key: 'payer', type: 'text', required: true, maxLength: 50 },
    { key: 'className', type: 'text', maxLength: 30 },
    { key: 'quantity', type: 'integer', above: 0 },
    { key: 'amount', type: 'amount', required: true, min: 0 },
    { key: 'collector', type: 'text', maxLength: 50 },
    { key: 'depositDate', type: 'date' },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
  ],
});
