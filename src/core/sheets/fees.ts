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
    // A refund goes on the receipt it returns money from (退费金额 ≤ 金额), so each student's
    // refund stays with the item and class it was paid for; blank means nothing refunded.
    { key: 'refundAmount', type: 'amount', min: 0 },
    { key: 'refundDate', type: 'date' },
  ],
});

/**
 * 代办费支出: what the office spent of the agency fees it collected (books, exercise books), per
 * purchase. 班级 blank: bought for everyone who paid that item (a grade's or the school's order),
 * shared among all of them; a class name: that class's own purchase.
 */
export const agencySpending = defineSheet({
  key: 'agencySpending',
  columns: [
    { key: 'date', type: 'date', required: true },
    { key: 'className', type: 'text', maxLength: 30 },
    { key: 'itemCode', type: 'id', required: true, maxLength: 40 },
    { key: 'amount', type: 'amount', required: true, above: 0 },
    { key: 'purchase', type: 'text', required: true, maxLength: 200, width: 200 },
    { key: 'voucherNo', type: 'id', maxLength: 40 },
    { key: 'handler', type: 'text', required: true, maxLength: 50 },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
  ],
});
