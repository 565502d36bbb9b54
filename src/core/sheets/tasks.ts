import { defineSheet } from './define';

export const tasks = defineSheet({
  key: 'tasks',
  columns: [
    { key: 'taskId', type: 'id', owner: 'houqin', unique: true },
    { key: 'month', type: 'id', owner: 'houqin', width: 80 },
    { key: 'dueDate', type: 'date', owner: 'houqin' },
    { key: 'title', type: 'text', owner: 'houqin', width: 280 },
    { key: 'source', type: 'enum', enum: 'taskSource', owner: 'houqin' },
    { key: 'ref', type: 'text', owner: 'houqin', width: 120 },
    { key: 'assignee', type: 'text', owner: 'houqin' },
    { key: 'status', type: 'enum', enum: 'taskStatus' },
    { key: 'doneDate', type: 'date' },
    { key: 'result', type: 'enum', enum: 'inspectionResult' },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
    // The stable identity (source + reference + due date) that makes generation idempotent.
    { key: 'key', type: 'id', owner: 'houqin', width: 60 },
  ],
});
