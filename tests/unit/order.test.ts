import { zhOrder } from '../../src/core/order';

describe('lists are in the order a school office reads them', () => {
  it('puts rooms and classes in pinyin order, numbers by value', () => {
    expect(['室10', '三年级2班', '室2', '初一(10)班', '初一(2)班', '二班'].sort(zhOrder)).toEqual([
      '初一(2)班',
      '初一(10)班',
      '二班',
      '三年级2班',
      '室2',
      '室10',
    ]);
  });

  it('treats equal names as equal, so a second key decides', () => {
    expect(zhOrder('室101', '室101')).toBe(0);
  });
});
