import { defineSheet } from './define';

/** Rebuilt by "Check all sheets": one row per problem found. */
export const problems = defineSheet({
  key: 'problems',
  generated: true,
  columns: [
    { key: 'sheet', type: 'text', owner: 'houqin', width: 120 },
    { key: 'row', type: 'integer', owner: 'houqin', width: 60 },
    { key: 'column', type: 'text', owner: 'houqin', width: 120 },
    { key: 'severity', type: 'enum', enum: 'severity', owner: 'houqin', width: 70 },
    { key: 'message', type: 'text', owner: 'houqin', width: 420 },
  ],
});

/** What was e-mailed to whom and when: the office's proof that it acted. */
export const alertLog = defineSheet({
  key: 'alertLog',
  generated: true,
  columns: [
    { key: 'time', type: 'datetime', owner: 'houqin' },
    { key: 'recipient', type: 'email', owner: 'houqin' },
    { key: 'kind', type: 'text', owner: 'houqin', width: 100 },
    { key: 'itemKey', type: 'id', owner: 'houqin', width: 160 },
    { key: 'sheet', type: 'text', owner: 'houqin', width: 100 },
    { key: 'row', type: 'integer', owner: 'houqin', width: 60 },
    { key: 'status', type: 'enum', enum: 'alertStatus', owner: 'houqin', width: 70 },
    { key: 'escalated', type: 'boolean', owner: 'houqin', aliases: ['已升级'] },
    { key: 'note', type: 'text', owner: 'houqin', width: 240 },
  ],
});
