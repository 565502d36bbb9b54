import { messages } from '../../src/core/i18n';
import { LANGS } from '../../src/core/lang';
import { ENUMS, SHEETS } from '../../src/core/sheets';
import { columnHeader, enumValueOf, labelKey, sheetKeyOf, sheetName } from '../../src/core/table/labels';

describe('sheet declarations', () => {
  it('give every sheet a distinct name in each language, found again from either', () => {
    for (const lang of LANGS) {
      const names = SHEETS.map((s) => labelKey(sheetName(lang, s.key)));
      expect(new Set(names).size).toBe(SHEETS.length);
      for (const s of SHEETS) expect(sheetKeyOf(sheetName(lang, s.key))).toBe(s.key);
    }
  });

  it('give every column a header no other column of its sheet shares, in either language', () => {
    for (const s of SHEETS) {
      const seen = new Map<string, string>();
      for (const c of s.columns)
        for (const lang of LANGS) {
          const k = labelKey(columnHeader(lang, s.key, c.key));
          expect(k).not.toBe('');
          const other = seen.get(k);
          if (other && other !== c.key)
            throw new Error(`${s.key}: ${c.key} and ${other} share header "${k}"`);
          seen.set(k, c.key);
        }
    }
  });

  it('name an enum list for every enum column', () => {
    for (const s of SHEETS)
      for (const c of s.columns) if (c.type === 'enum') expect(c.enum && ENUMS[c.enum]).toBeTruthy();
  });

  it('read drop-down values in either language, full-width or not', () => {
    expect(enumValueOf('assetStatus', '维修中')).toBe('under_repair');
    expect(enumValueOf('assetStatus', ' Under repair ')).toBe('under_repair');
    expect(enumValueOf('meal', '午餐')).toBe('lunch');
    expect(enumValueOf('meal', 'supper')).toBeUndefined();
  });

  it('label every enum value, setting and message with non-empty text in both languages', () => {
    const walk = (node: unknown, path: string): void => {
      if (typeof node === 'string') {
        if (node.trim() === '') throw new Error(`empty text at ${path}`);
      } else if (node && typeof node === 'object')
        for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
    };
    for (const lang of LANGS) walk(messages(lang), lang);
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' ? keys(v).map((x) => `${k}.${x}`) : [k],
      );
    expect(keys(messages('en')).sort()).toEqual(keys(messages('zh-CN')).sort());
  });
});
