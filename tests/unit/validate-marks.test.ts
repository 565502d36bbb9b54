import { MARK_BACKGROUND, markCell, parseNote, planMarks } from '../../src/core/validate/marks';

const TAG = '【后勤助手】';

describe('marks on cells', () => {
  it('paints a problem, keeps the person’s note and colour, and gives them back when fixed', () => {
    const marked = markCell('#ffff00', '我的备注', { problems: ['「数量」必填'] }, TAG);
    expect(marked).toEqual({
      background: MARK_BACKGROUND,
      note: '【后勤助手】⚠ 「数量」必填\n【后勤助手】↺ #ffff00\n———\n我的备注',
    });
    expect(markCell(marked.background, marked.note, undefined, TAG)).toEqual({
      background: '#ffff00',
      note: '我的备注',
    });
  });

  it('keeps a colour the person chose while the cell was marked', () => {
    const marked = markCell('#ffffff', '', { problems: ['x'] }, TAG);
    expect(markCell('#00ff00', marked.note, undefined, TAG)).toEqual({ background: '#00ff00', note: '' });
  });

  it('recognises its notes in either language and leaves other notes alone', () => {
    expect(parseNote('【Houqin】⚠ Quantity is required').problems).toEqual(['Quantity is required']);
    expect(parseNote('【后勤助手】 was mentioned by me').problems).toEqual([]);
    expect(parseNote('a note of mine').user).toBe('a note of mine');
  });

  it('writes only the rectangle that changes, and nothing when nothing changes', () => {
    const bgs = [
      ['#ffffff', '#ffffff', '#ffffff'],
      ['#ffffff', '#ffffff', '#ffffff'],
    ];
    const notes = [
      ['', '', ''],
      ['', 'mine', ''],
    ];
    expect(planMarks(bgs, notes, () => undefined, TAG)).toBeNull();
    const plan = planMarks(
      bgs,
      notes,
      (r, c) => (r === 1 && c === 2 ? { problems: ['bad'] } : undefined),
      TAG,
    )!;
    expect(plan).toEqual({
      top: 1,
      left: 2,
      backgrounds: [[MARK_BACKGROUND]],
      notes: [['【后勤助手】⚠ bad']],
    });
  });
});
