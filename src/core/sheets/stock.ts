import { defineSheet } from './define';

export const stockItems = defineSheet({
  key: 'stockItems',
  columns: [
    { key: 'itemId', type: 'id', required: true, unique: true, maxLength: 40 },
    { key: 'name', type: 'text', required: true, maxLength: 100 },
    { key: 'unit', type: 'text', maxLength: 10, width: 60 },
    { key: 'minStock', type: 'number', min: 0 },
    { key: 'stock', type: 'number', owner: 'houqin' },
    { key: 'returnable', type: 'boolean' },
    { key: 'location', type: 'text', maxLength: 100 },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
  ],
});

export const stockMovements = defineSheet({
  key: 'stockMovements',
  columns: [
    { key: 'date', type: 'date', required: true },
    { key: 'itemId', type: 'id', required: true, maxLength: 40 },
    { key: 'type', type: 'enum', enum: 'stockMovementType', required: true },
    { key: 'quantity', type: 'number', required: true, above: 0 },
    { key: 'unitPrice', type: 'amount', min: 0 },
    { key: 'amount', type: 'amount', min: 0 },
    { key: 'party', type: 'text', maxLength: 50 },
    { key: 'handler', type: 'text', maxLength: 50 },
    { key: 'secondHandler', type: 'text', maxLength: 50 },
    { key: 'approver', type: 'text', maxLength: 50 },
    { key: 'dueDate', type: 'date' },
    { key: 'returnedDate', type: 'date' },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
    // A purchase over the threshold: the quotes compared (suppliers and prices) — open quotes.
    { key: 'quotes', type: 'text', maxLength: 500, width: 200 },
    // An issue of consumables: how many old ones were handed back (以旧换新).
    { key: 'oldReturned', type: 'number', min: 0 },
  ],
});
