import { defineSheet } from './define';

/**
 * 值班表: who is on duty when. A row covers `date` to `endDate` (one day when empty): a week of
 * leadership duty (行政值周) is one row, holiday duty one row per day, gate duty as the guards
 * take turns.
 */
export const duty = defineSheet({
  key: 'duty',
  columns: [
    { key: 'date', type: 'date', required: true },
    { key: 'endDate', type: 'date' },
    { key: 'kind', type: 'enum', enum: 'dutyKind', required: true },
    { key: 'person', type: 'text', required: true, maxLength: 50 },
    { key: 'phone', type: 'phone' },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
  ],
});
