import { defineSheet } from './define';

export const roster = defineSheet({
  key: 'roster',
  columns: [
    { key: 'name', type: 'text', required: true, unique: true, maxLength: 50 },
    { key: 'role', type: 'enum', enum: 'role', required: true },
    { key: 'email', type: 'email', maxLength: 120 },
    { key: 'phone', type: 'phone', maxLength: 20 },
    { key: 'healthCertExpiry', type: 'date' },
    { key: 'onDuty', type: 'boolean' },
    { key: 'cleaningArea', type: 'text', maxLength: 100 },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
    // 离校日期: the day someone leaves the school; what they borrowed and keep must be handed over.
    { key: 'leftDate', type: 'date' },
  ],
});
