import { defineSheet } from './define';

export const calendar = defineSheet({
  key: 'calendar',
  columns: [
    // 每月 / 9,2 / 学期初 / 学期末 / 假期前 (either language; see core/calendar).
    { key: 'when', type: 'text', required: true, maxLength: 40, width: 110 },
    // Day of month (15) or week of month (第2周); empty means the first school day it applies.
    { key: 'day', type: 'text', maxLength: 20, width: 80 },
    { key: 'title', type: 'text', required: true, maxLength: 200, width: 280 },
    { key: 'role', type: 'enum', enum: 'role', required: true },
    { key: 'active', type: 'boolean' },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
    // 固定日期: a dated row that must keep its date even on a weekend or in a holiday.
    { key: 'keepDate', type: 'boolean' },
  ],
});

export const schoolYear = defineSheet({
  key: 'schoolYear',
  columns: [
    { key: 'type', type: 'enum', enum: 'schoolYearEntry', required: true },
    { key: 'name', type: 'text', required: true, maxLength: 60 },
    { key: 'start', type: 'date', required: true },
    { key: 'end', type: 'date', required: true },
    { key: 'note', type: 'text', maxLength: 500, width: 200 },
  ],
});
