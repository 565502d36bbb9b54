import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings/parse';

describe('settings', () => {
  it('reads labelled values in either language and falls back to defaults for the rest', () => {
    const parsed = parseSettings([
      ['设置项', '值', '说明'],
      ['Language', 'English', ''],
      ['维修时限(小时)', '４８', ''],
      ['后勤处邮件列表', 'a@school.cn，b@school.cn', ''],
      ['双人采购金额（元）', '¥2,000', ''],
    ]);
    expect(parsed.settings.language).toBe('en');
    expect(parsed.settings.repairHours).toBe(48);
    expect(parsed.settings.officeEmails).toEqual(['a@school.cn', 'b@school.cn']);
    expect(parsed.settings.purchaseThreshold).toBe(2000);
    expect(parsed.settings.sampleHours).toBe(DEFAULT_SETTINGS.sampleHours);
    expect(parsed.rowOf.repairHours).toBe(3);
    expect(parsed.missing).toContain('officeHead');
  });

  it('reports unreadable values and keeps the default rather than guessing', () => {
    const parsed = parseSettings([
      ['设置项', '值'],
      ['维修时限(小时)', '一天'],
      ['总务主任邮箱', 'not an address'],
    ]);
    expect(parsed.settings.repairHours).toBe(24);
    expect(parsed.settings.officeHead).toBe('');
    expect(parsed.problems.map((p) => p.key)).toEqual(['repairHours', 'officeHead']);
  });
});
