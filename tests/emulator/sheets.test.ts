import { errorOf, setup } from './helpers';

describe('ranges', () => {
  test('1-based coordinates and A1 forms', () => {
    const { ss } = setup();
    const sh = ss.insertSheet('T');
    expect(sh.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sh.getRange(1, 1, 2, 3).getA1Notation()).toBe('A1:C2');
    expect(sh.getRange('B2:D5').getNumRows()).toBe(4);
    expect(sh.getRange('B2:D5').getNumColumns()).toBe(3);
    expect(sh.getRange('A:A').getNumRows()).toBe(1000);
    expect(sh.getRange('2:3').getNumColumns()).toBe(26);
    expect(ss.getRange("'T'!C3").getSheet().getName()).toBe('T');
    expect(ss.getRange('T!$B$2').getA1Notation()).toBe('B2');
    expect(sh.getRange(3, 2, 4, 5).getLastRow()).toBe(6);
    expect(sh.getRange(3, 2, 4, 5).getLastColumn()).toBe(6);
    expect(sh.getRange(2, 2).offset(1, 2).getA1Notation()).toBe('D3');
    expect(errorOf(() => sh.getRange('nonsense!!'))).toBe('Range not found');
    expect(errorOf(() => sh.getRange('1A'))).toBe('Range not found');
  });

  test('empty cells read as empty strings, numbers and booleans as themselves', () => {
    const { ss } = setup();
    const sh = ss.getSheets()[0]!;
    sh.getRange('A1:C1').setValues([[1.5, true, 'x']]);
    expect(sh.getRange('A1:D2').getValues()).toEqual([
      [1.5, true, 'x', ''],
      ['', '', '', ''],
    ]);
    expect(sh.getRange('D1').getValue()).toBe('');
    expect(sh.getRange('D1').isBlank()).toBe(true);
    expect(sh.getRange('A1:D1').isBlank()).toBe(false);
  });

  test('getRange errors use Apps Script wording', () => {
    const { ss } = setup();
    const sh = ss.getSheets()[0]!;
    expect(errorOf(() => sh.getRange(1, 1, 0, 1))).toBe(
      'The number of rows in the range must be at least 1.',
    );
    expect(errorOf(() => sh.getRange(1, 1, 1, 0))).toBe(
      'The number of columns in the range must be at least 1.',
    );
    expect(errorOf(() => sh.getRange(0, 1))).toBe('The starting row of the range is too small.');
    expect(errorOf(() => sh.getRange(1, 0))).toBe('The starting column of the range is too small.');
    expect(errorOf(() => sh.getRange(1000, 1, 2, 1))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(errorOf(() => sh.getRange(1, 27))).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });

  test('outside-size range works after insertRowsAfter / insertColumnsAfter', () => {
    const { ss } = setup();
    const sh = ss.getSheets()[0]!;
    expect(() => sh.getRange(1001, 1)).toThrow();
    sh.insertRowsAfter(sh.getMaxRows(), 500);
    expect(sh.getMaxRows()).toBe(1500);
    sh.getRange(1500, 1).setValue('end');
    expect(sh.getLastRow()).toBe(1500);
    sh.insertColumnsAfter(26, 4);
    expect(sh.getMaxColumns()).toBe(30);
    sh.getRange(1, 30).setValue(1);
    expect(sh.getLastColumn()).toBe(30);
  });

  test('setValues shape errors', () => {
    const { ss } = setup();
    const r = ss.getSheets()[0]!.getRange(1, 1, 3, 2);
    expect(
      errorOf(() =>
        r.setValues([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(errorOf(() => r.setValues([[1, 2], [3], [5, 6]]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(errorOf(() => r.setValues([1, 2, 3] as unknown as unknown[][]))).toMatch(
      /don't match the method signature for SpreadsheetApp\.Range\.setValues/,
    );
  });

  test('new sheets are 1000 x 26; duplicate names throw; gids; index', () => {
    const { ss } = setup();
    expect(ss.getSheets()[0]!.getSheetId()).toBe(0);
    const sh = ss.insertSheet('资产');
    expect(sh.getMaxRows()).toBe(1000);
    expect(sh.getMaxColumns()).toBe(26);
    expect(sh.getIndex()).toBe(2);
    expect(sh.getSheetId()).not.toBe(0);
    expect(ss.getSheetById(sh.getSheetId())?.getName()).toBe('资产');
    expect(errorOf(() => ss.insertSheet('资产'))).toBe(
      'A sheet with the name "资产" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('nope')).toBeNull();
    const first = ss.insertSheet('First', 0);
    expect(first.getIndex()).toBe(1);
    ss.deleteSheet(first);
    expect(ss.getSheetByName('First')).toBeNull();
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
  });

  test('appendRow writes after the last row with content and grows the sheet', () => {
    const { ss } = setup();
    const sh = ss.insertSheet('A');
    sh.getRange('A1:B1').setValues([['h1', 'h2']]);
    sh.getRange('C5').setBackground('#ff0000'); // formatting is not content
    sh.appendRow(['a', 1]);
    expect(sh.getLastRow()).toBe(2);
    expect(sh.getRange('A2:B2').getValues()).toEqual([['a', 1]]);
    sh.deleteRows(3, 998);
    expect(sh.getMaxRows()).toBe(2);
    sh.appendRow(['b', 2]);
    expect(sh.getMaxRows()).toBe(3);
    expect(sh.getRange(3, 1).getValue()).toBe('b');
  });

  test('deleteRows shifts values, notes, backgrounds and validations', () => {
    const { ss, g } = setup();
    const sh = ss.insertSheet('D');
    sh.getRange('A1:A4').setValues([['r1'], ['r2'], ['r3'], ['r4']]);
    sh.getRange('A3').setNote('n3').setBackground('#ffee00');
    const rule = g.SpreadsheetApp.newDataValidation().requireValueInList(['x']).build();
    sh.getRange('B4').setDataValidation(rule);
    sh.deleteRows(1, 2);
    expect(sh.getRange('A1:A2').getValues()).toEqual([['r3'], ['r4']]);
    expect(sh.getRange('A1').getNote()).toBe('n3');
    expect(sh.getRange('A1').getBackground()).toBe('#ffee00');
    expect(sh.getRange('A3').getNote()).toBe('');
    expect(sh.getRange('A3').getBackground()).toBe('#ffffff');
    expect(sh.getRange('B2').getDataValidation()?.getCriteriaValues()).toEqual([['x'], true]);
    expect(sh.getMaxRows()).toBe(998);
    sh.deleteColumn(1);
    expect(sh.getRange('A2').getDataValidation()).not.toBeNull();
  });

  test('inserted rows inherit the formatting of their neighbour', () => {
    const { ss } = setup();
    const sh = ss.insertSheet('F');
    sh.getRange(1, 1, 1000, 1).setNumberFormat('@');
    sh.insertRowsAfter(1000, 10);
    sh.getRange(1005, 1).setValue('00123');
    expect(sh.getRange(1005, 1).getValue()).toBe('00123');
  });

  test('formats, notes, backgrounds and defaults', () => {
    const { ss } = setup();
    const sh = ss.insertSheet('Fmt');
    const r = sh.getRange('A1:B1');
    expect(r.getNumberFormat()).toBe('0.###############');
    expect(r.getNotes()).toEqual([['', '']]);
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(r.getFontWeights()).toEqual([['normal', 'normal']]);
    r.setFontWeights([['bold', 'normal']]).setBackgrounds([['#eeeeee', null]]);
    expect(r.getFontWeights()).toEqual([['bold', 'normal']]);
    expect(r.getBackgrounds()).toEqual([['#eeeeee', '#ffffff']]);
    r.setNotes([['a', null]]);
    expect(r.getNotes()).toEqual([['a', '']]);
    r.clearNote();
    expect(r.getNote()).toBe('');
    sh.setColumnWidth(2, 240);
    expect(sh.getColumnWidth(2)).toBe(240);
    expect(sh.getColumnWidth(3)).toBe(100);
    sh.setFrozenRows(1);
    expect(sh.getFrozenRows()).toBe(1);
  });

  test('display values follow the number format', () => {
    const { ss } = setup();
    const sh = ss.insertSheet('Disp');
    const r = sh.getRange('A1:H1');
    r.setValues([[1234.5, 1234.5, 1234.5, 1234.5, 3, 0.25, 46086, 46086.5]]);
    r.setNumberFormats([
      ['0', '0.00', '#,##0.00', '"¥"#,##0.00', '@', '0%', 'yyyy-mm-dd', 'yyyy-mm-dd hh:mm'],
    ]);
    expect(r.getDisplayValues()).toEqual([
      ['1235', '1234.50', '1,234.50', '¥1,234.50', '3', '25%', '2026-03-05', '2026-03-05 12:00'],
    ]);
    sh.getRange('A2').setValue(-1234.5).setNumberFormat('¥#,##0.00');
    expect(sh.getRange('A2').getDisplayValue()).toBe('-¥1,234.50');
    sh.getRange('A3').setValue(true);
    expect(sh.getRange('A3').getDisplayValue()).toBe('TRUE');
  });

  test('protections, conditional format rules, tab colour', () => {
    const { ss, g } = setup();
    const sh = ss.insertSheet('P');
    const p = sh.getRange('A1:C1').protect().setDescription('headers').setWarningOnly(true);
    expect(sh.getProtections(g.SpreadsheetApp.ProtectionType.RANGE).map((x) => x.getDescription())).toEqual([
      'headers',
    ]);
    expect(p.isWarningOnly()).toBe(true);
    expect(sh.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(0);
    const rule = g.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$A2<TODAY()')
      .setBackground('#f4cccc')
      .setRanges([sh.getRange('A2:C')])
      .build();
    sh.setConditionalFormatRules([rule]);
    const got = sh.getConditionalFormatRules()[0]!;
    expect(got.getBooleanCondition()?.getCriteriaValues()).toEqual(['=$A2<TODAY()']);
    expect(got.getBooleanCondition()?.getBackground()).toBe('#f4cccc');
    expect(got.getRanges()[0]!.getA1Notation()).toBe('A2:C1000');
    sh.setTabColor('#00ff00');
    expect(sh.getTabColor()).toBe('#00ff00');
  });
});

describe('auto-typing', () => {
  test('strings are typed as Sheets types them', () => {
    const { ss } = setup();
    const sh = ss.insertSheet('Typ');
    sh.getRange('A1:H1').setValues([['00123', '1,234.5', '-3', '12%', 'TRUE', 'false', 'hello', ' 42 ']]);
    expect(sh.getRange('A1:H1').getValues()).toEqual([[123, 1234.5, -3, 0.12, true, false, 'hello', 42]]);
  });

  test("'2026-03-1' becomes a date; formula and apostrophe forms", () => {
    const { ss } = setup();
    const sh = ss.insertSheet('Typ');
    sh.getRange('A1').setValue('2026-03-1');
    const d = sh.getRange('A1').getValue() as Date;
    expect(d).toBeInstanceOf(Date);
    expect(d.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(sh.getRange('A1').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sh.getRange('A1').getDisplayValue()).toBe('2026-03-01');
    sh.getRange('B1').setValue('2026/3/5 08:30');
    expect((sh.getRange('B1').getValue() as Date).toISOString()).toBe('2026-03-05T00:30:00.000Z');
    sh.getRange('C1').setValue('=1+1');
    expect(sh.getRange('C1').getFormula()).toBe('=1+1');
    expect(sh.getRange('C1').getValue()).toBe(2);
    sh.getRange('D1').setValue('=SUM(A:A)');
    expect(sh.getRange('D1').getValue()).toBe('#ERROR!');
    sh.getRange('E1').setValue("'=1+1");
    expect(sh.getRange('E1').getValue()).toBe('=1+1');
    expect(sh.getRange('E1').getFormula()).toBe('');
    sh.getRange('C1').setValue(5);
    expect(sh.getRange('C1').getFormula()).toBe('');
    expect(sh.getRange('A2').getValue()).toBe('');
    sh.getRange('F1').setValue('2026-02-30');
    expect(sh.getRange('F1').getValue()).toBe('2026-02-30');
  });

  test("'@'-formatted columns keep strings as typed", () => {
    const { ss } = setup();
    const sh = ss.insertSheet('Txt');
    sh.getRange('A:A').setNumberFormat('@');
    sh.getRange('A1:B3').setValues([
      ['00123', '00123'],
      ['2026-03-01', '2026-03-01'],
      ['=1+1', 'TRUE'],
    ]);
    expect(sh.getRange('A1:A3').getValues()).toEqual([['00123'], ['2026-03-01'], ['=1+1']]);
    expect(sh.getRange('A3').getFormula()).toBe('');
    expect(sh.getRange('B1').getValue()).toBe(123);
    expect(sh.getRange('B2').getValue()).toBeInstanceOf(Date);
    expect(sh.getRange('B3').getValue()).toBe(true);
  });

  test('null and undefined write as empty', () => {
    const { ss } = setup();
    const sh = ss.insertSheet('N');
    sh.getRange('A1:B1').setValues([[1, 2]]);
    sh.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sh.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sh.getLastRow()).toBe(0);
  });
});

describe('dates', () => {
  test('date cells read as midnight in the spreadsheet zone', () => {
    const { ss } = setup({ timeZone: 'Asia/Shanghai' });
    const sh = ss.insertSheet('D');
    sh.getRange('A1').setValue('2026-03-05');
    expect((sh.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-04T16:00:00.000Z');
  });

  test('a Date written stores its wall time in the spreadsheet zone, not the script zone', () => {
    const { ss, g } = setup({ timeZone: 'America/New_York', scriptTimeZone: 'Asia/Shanghai' });
    expect(g.Session.getScriptTimeZone()).toBe('Asia/Shanghai');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    const sh = ss.insertSheet('D');
    sh.getRange('A1').setValue('2026-03-05');
    expect((sh.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-05T05:00:00.000Z');
    sh.getRange('A2').setValue(new Date('2026-07-01T04:00:00Z')); // 2026-07-01 00:00 in New York
    expect(sh.getRange('A2').getDisplayValue()).toBe('2026-07-01');
    expect((sh.getRange('A2').getValue() as Date).toISOString()).toBe('2026-07-01T04:00:00.000Z');
    sh.getRange('A3').setValue(new Date('2026-07-01T05:30:00Z'));
    expect(sh.getRange('A3').getDisplayValue()).toBe('2026-07-01 01:30:00');
  });

  test('setting a date format on a number makes it read as a Date', () => {
    const { ss } = setup();
    const sh = ss.insertSheet('D');
    sh.getRange('A1').setValue(46086).setNumberFormat('yyyy-mm-dd');
    expect((sh.getRange('A1').getValue() as Date).toISOString()).toBe('2026-03-04T16:00:00.000Z');
  });
});

describe('data validation', () => {
  test('a strict list rejects script writes with the Apps Script message', () => {
    const { ss, g } = setup();
    const sh = ss.insertSheet('V');
    const rule = g.SpreadsheetApp.newDataValidation()
      .requireValueInList(['在用', '维修中'], true)
      .setAllowInvalid(false)
      .build();
    sh.getRange('B2:B10').setDataValidation(rule);
    expect(rule.getCriteriaType()).toBe(g.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getAllowInvalid()).toBe(false);
    sh.getRange('B2').setValue('在用');
    expect(errorOf(() => sh.getRange('B3').setValue('报废'))).toBe(
      'The data you entered in cell B3 violates the data validation rules set on this cell.',
    );
    expect(errorOf(() => sh.getRange('A3:B3').setValues([['x', '报废']]))).toMatch(/cell B3 violates/);
    expect(sh.getRange('A3').getValue()).toBe(''); // nothing written
    sh.getRange('B4').setValue('');
    expect(sh.getRange('B2').getValue()).toBe('在用');
  });

  test('allowInvalid accepts anything; builder defaults', () => {
    const { ss, g } = setup();
    const sh = ss.insertSheet('V');
    const b = g.SpreadsheetApp.newDataValidation().requireValueInList(['a']);
    expect(b.getAllowInvalid()).toBe(true);
    sh.getRange('A1').setDataValidation(b.setHelpText('pick').build());
    sh.getRange('A1').setValue('z');
    expect(sh.getRange('A1').getValue()).toBe('z');
    expect(sh.getRange('A1').getDataValidation()?.getHelpText()).toBe('pick');
    expect(sh.getRange('A2').getDataValidation()).toBeNull();
    sh.getRange('A1').clearDataValidations();
    expect(sh.getRange('A1').getDataValidations()).toEqual([[null]]);
    const copy = g.SpreadsheetApp.newDataValidation()
      .requireNumberBetween(1, 5)
      .setAllowInvalid(false)
      .build()
      .copy()
      .build();
    expect(copy.getCriteriaValues()).toEqual([1, 5]);
    sh.getRange('C1').setDataValidation(copy);
    expect(() => sh.getRange('C1').setValue(9)).toThrow(/violates/);
    sh.getRange('C1').setValue('3');
    expect(sh.getRange('C1').getValue()).toBe(3);
  });
});
