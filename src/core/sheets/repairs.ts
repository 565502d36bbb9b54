import { defineSheet } from './define';

export const repairs = defineSheet({
  key: 'repairs',
  columns: [
    { key: 'repairId', type: 'id', required: true, unique: true, maxLength: 40 },
    { key: 'reportedAt', type: 'datetime', required: true },
    { key: 'reporter', type: 'text', required: true, maxLength: 50 },
    { key: 'location', type: 'text', required: true, maxLength: 100 },
    { key: 'assetId', type: 'id', maxLength: 40 },
    { key: 'description', type: 'text', required: true, maxLength: 500, width: 220 },
    { key: 'assignee', type: 'text', maxLength: 50 },
    { key: 'contractor', type: 'boolean', aliases: ['需外包维修'] },
    { key: 'deadline', type: 'datetime', owner: 'houqin' },
    { key: 'status', type: 'enum', enum: 'repairStatus', required: true },
    { key: 'completedAt', type: 'datetime' },
    { key: 'cause', type: 'enum', enum: 'damageCause' },
    { key: 'responsible', type: 'text', maxLength: 50 },
    { key: 'compensation', type: 'amount', min: 0 },
    { key: 'waived', type: 'boolean' },
    { key: 'cost', type: 'amount', min: 0 },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
  ],
});
