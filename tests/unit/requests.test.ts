import { messages } from '../../src/core/i18n';
import type { TypedRecord } from '../../src/core/table/record';
import { findRoom, roomAssets, roomsOf } from '../../src/core/requests/plan';
import { checkRequest, LIMITS } from '../../src/core/requests/schema';
import { closedNotices, progressOf } from '../../src/core/requests/status';

const TZ = 'Asia/Shanghai';
const t = messages('zh-CN').requests;
const rec = (row: number, v: Record<string, unknown>) => ({ row, v }) as TypedRecord;
const input = { room: '初一(1)班', description: '灯不亮', urgency: 'teaching', name: '张老师' };

describe('the request schema shared by the page and the server', () => {
  it('takes a plain request and turns control characters into spaces, keeping line breaks', () => {
    const checked = checkRequest({ ...input, description: 'a\u0000b\nc\u0007', name: ' 张\t老师 ' }, t);
    expect(checked).toMatchObject({ ok: true, values: { description: 'a b\nc', name: '张 老师' } });
  });

  it('counts characters, not bytes, against every limit', () => {
    const at = '灯'.repeat(LIMITS.description);
    expect(checkRequest({ ...input, description: at }, t).ok).toBe(true);
    const over = checkRequest({ ...input, description: `${at}灯` }, t);
    expect(over).toEqual({ ok: false, errors: { description: `最多 ${LIMITS.description} 个字` } });
  });

  it('refuses arrays, objects, an unknown urgency and a contact that is neither phone nor e-mail', () => {
    expect(checkRequest([], t)).toEqual({ ok: false, errors: { '': t.refused } });
    const bad = checkRequest({ ...input, name: ['x'], urgency: 'now', contact: '=1+1' }, t);
    expect(bad).toEqual({
      ok: false,
      errors: { name: t.refused, urgency: t.required, contact: t.badContact },
    });
    expect(checkRequest({ ...input, contact: '+86 138-0013-8000' }, t).ok).toBe(true);
    expect(checkRequest({ ...input, contact: 'li@school.example' }, t).ok).toBe(true);
  });
});

describe('places from the register', () => {
  const assets = [
    rec(2, { assetId: 'A1', name: '投影仪', location: '初一(1)班', status: 'in_use' }),
    rec(3, { assetId: 'A2', name: '旧桌', location: '初一(1)班', status: 'scrapped' }),
    rec(4, { assetId: 'A3', name: '钢琴', location: '音乐教室', status: 'in_use' }),
    rec(5, { assetId: 'A4', name: '柜子', location: '仓库', status: 'scrapped' }),
  ];
  it('lists each place once, without places that only scrapped assets name', () => {
    expect(roomsOf(assets)).toEqual(['初一(1)班', '音乐教室']);
    const numbered = ['10班', '2班', '1班'].map((location, i) =>
      rec(i, { assetId: `N${i}`, location, status: 'in_use' }),
    );
    expect(roomsOf(numbered)).toEqual(['1班', '2班', '10班']);
  });
  it('finds a place typed with full-width brackets or spaces, as the register spells it', () => {
    expect(findRoom(assets, '初一（1） 班')).toBe('初一(1)班');
    expect(findRoom(assets, '仓库')).toBeNull();
    expect(roomAssets(assets, '初一(1)班')).toEqual([{ id: 'A1', name: '投影仪', room: '初一(1)班' }]);
  });
});

describe('a request’s progress and the reporter’s later e-mails', () => {
  const at = (iso: string) => new Date(iso);
  const done = rec(2, {
    repairId: 'BX-1',
    location: '初一(1)班',
    reportedAt: at('2026-09-01T00:00:00Z'),
    assignee: '李强',
    status: 'done',
    completedAt: at('2026-09-01T03:00:00Z'),
    description: 'secret detail',
    note: 'internal note',
  });
  it('shows steps and dates only, never the description or the note of a completed repair', () => {
    const p = progressOf(done, TZ);
    expect(p).toEqual({
      id: 'BX-1',
      room: '初一(1)班',
      steps: [
        { key: 'received', at: '2026-09-01 08:00' },
        { key: 'assigned', at: '2026-09-01 08:00' },
        { key: 'repaired', at: '2026-09-01 11:00' },
      ],
    });
  });
  it('tells a reporter once: a sent notice in the log is not sent again', () => {
    const log = [
      {
        row: 2,
        time: null,
        recipient: 'me@x.example',
        itemKey: 'request-receipt:BX-1',
        status: 'sent',
        escalated: false,
      },
    ] as const;
    const first = closedNotices([done], log, TZ, 'zh-CN', (id) => `L/${id}`);
    expect(first.map((n) => [n.itemKey, n.mail.to])).toEqual([['request-done:BX-1', 'me@x.example']]);
    const told = [...log, { ...log[0], row: 3, itemKey: 'request-done:BX-1' }];
    expect(closedNotices([done], told, TZ, 'zh-CN', (id) => `L/${id}`)).toEqual([]);
  });
});
