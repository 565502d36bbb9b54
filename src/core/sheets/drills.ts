import { defineSheet } from './define';

/**
 * 演练培训记录: the drills, trainings and canteen open days the school held. The monthly safety
 * report counts its rows by `kind`; its keys are a contract with that report.
 */
export const drills = defineSheet({
  key: 'drills',
  columns: [
    { key: 'date', type: 'date', required: true },
    { key: 'kind', type: 'enum', enum: 'drillKind', required: true },
    { key: 'topic', type: 'text', required: true, maxLength: 200, width: 240 },
    { key: 'organiser', type: 'text', maxLength: 50 },
    { key: 'participants', type: 'integer', min: 0 },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
  ],
});
