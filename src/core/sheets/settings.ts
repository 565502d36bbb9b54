import { defineSheet } from './define';

/**
 * A two-column list (setting, value) rather than a table of records: the office edits values
 * beside a readable label. Rows are recognised by their label in either language.
 */
export const settings = defineSheet({
  key: 'settings',
  columns: [
    { key: 'setting', type: 'text', owner: 'houqin', width: 220 },
    { key: 'value', type: 'text', width: 260 },
    { key: 'help', type: 'text', owner: 'houqin', width: 360 },
  ],
});
