import { defineSheet } from './define';

export const canteenSamples = defineSheet({
  key: 'canteenSamples',
  columns: [
    { key: 'date', type: 'date', required: true },
    { key: 'meal', type: 'enum', enum: 'meal', required: true },
    { key: 'dish', type: 'text', required: true, maxLength: 100 },
    { key: 'weight', type: 'number', required: true, min: 0 },
    { key: 'sampledAt', type: 'datetime', required: true },
    { key: 'discardedAt', type: 'datetime', aliases: ['销毁时间'] },
    { key: 'sampler', type: 'text', maxLength: 50 },
  ],
});

export const canteenDisinfection = defineSheet({
  key: 'canteenDisinfection',
  columns: [
    { key: 'date', type: 'date', required: true },
    { key: 'meal', type: 'enum', enum: 'meal' },
    { key: 'target', type: 'text', required: true, maxLength: 100 },
    { key: 'method', type: 'enum', enum: 'disinfectionMethod', required: true },
    { key: 'done', type: 'boolean' },
    { key: 'operator', type: 'text', maxLength: 50, aliases: ['操作人'] },
  ],
});

export const canteenPurchases = defineSheet({
  key: 'canteenPurchases',
  columns: [
    { key: 'date', type: 'date', required: true },
    { key: 'supplier', type: 'text', required: true, maxLength: 100 },
    { key: 'goods', type: 'text', required: true, maxLength: 200, width: 200 },
    { key: 'amount', type: 'amount', min: 0 },
    { key: 'invoiceNo', type: 'id', maxLength: 40 },
    { key: 'receiver', type: 'text', maxLength: 50 },
  ],
});

export const supplierCertificates = defineSheet({
  key: 'supplierCertificates',
  columns: [
    { key: 'supplier', type: 'text', required: true, maxLength: 100 },
    { key: 'certificate', type: 'text', required: true, maxLength: 100 },
    { key: 'certNo', type: 'id', maxLength: 60 },
    { key: 'expiry', type: 'date', required: true },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
  ],
});
