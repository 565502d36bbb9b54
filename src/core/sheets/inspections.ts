import { defineSheet } from './define';

export const inspectionSchedules = defineSheet({
  key: 'inspectionSchedules',
  columns: [
    { key: 'scheduleId', type: 'id', required: true, unique: true, maxLength: 40 },
    { key: 'item', type: 'text', required: true, maxLength: 100, width: 180 },
    { key: 'location', type: 'text', required: true, maxLength: 100 },
    // Written the way the office says it: 每周五, 每月15日, 每学期末 (see core/calendar).
    { key: 'frequency', type: 'text', required: true, maxLength: 40, width: 130 },
    { key: 'role', type: 'enum', enum: 'role' },
    { key: 'person', type: 'text', maxLength: 50 },
    { key: 'lastDone', type: 'date', owner: 'houqin' },
    { key: 'nextDue', type: 'date', owner: 'houqin', aliases: ['下次到期'] },
    { key: 'active', type: 'boolean' },
  ],
});

export const inspectionResults = defineSheet({
  key: 'inspectionResults',
  columns: [
    { key: 'date', type: 'date', required: true },
    { key: 'scheduleId', type: 'id', maxLength: 40 },
    { key: 'location', type: 'text', required: true, maxLength: 100 },
    { key: 'inspector', type: 'text', required: true, maxLength: 50 },
    { key: 'result', type: 'enum', enum: 'inspectionResult', required: true },
    { key: 'finding', type: 'text', maxLength: 500, width: 220, aliases: ['问题描述'] },
    { key: 'fixDeadline', type: 'date' },
    { key: 'responsible', type: 'text', maxLength: 50 },
    { key: 'fixedDate', type: 'date' },
    { key: 'taskId', type: 'id', owner: 'houqin' },
  ],
});
