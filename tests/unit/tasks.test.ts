import { isSchoolDay, schoolCalendarFrom } from '../../src/core/calendar';
import {
  defaultCalendarRows,
  defaultScheduleRows,
  defaultSchoolYearRows,
} from '../../src/core/setup/defaults';
import { DEFAULT_SETTINGS } from '../../src/core/settings/parse';
import type { SheetRow } from '../../src/core/table/mapping';
import {
  completeTask,
  mergeTasks,
  openByPerson,
  parseMonth,
  planMonth,
  scheduleDueDates,
  type ExistingTask,
  type MonthPlan,
  type MonthSources,
  type PlannedTask,
} from '../../src/core/tasks';
import { addDays, instantOf } from '../../src/core/time';

const TZ = 'Asia/Shanghai';
const rows = (list: Record<string, unknown>[]): SheetRow[] =>
  list.map((cells, i) => ({ row: i + 2, cells: cells as SheetRow['cells'] }));

const CAL = schoolCalendarFrom(
  rows([
    { type: '学期', name: '第一学期', start: '2026-09-01', end: '2027-01-22' },
    { type: '假期', name: '国庆节', start: '2026-10-01', end: '2026-10-07' },
    { type: '调休上班', name: '国庆调休', start: '2026-10-10', end: '2026-10-10' },
  ]),
  TZ,
);
const SEPT = { year: 2026, month: 9 };
const NONE: MonthSources = {
  calendar: [],
  schedules: [],
  repairs: [],
  roster: [],
  assets: [],
  suppliers: [],
  movements: [],
};
const ROSTER = rows([
  { name: '王芳', role: '总务主任', email: 'w@school.cn' },
  { name: '刘洋', role: '水电工' },
  { name: '张伟', role: '保管员', healthCertExpiry: '2026-10-20' },
]);

/** The plan's tasks from one source only (the sample calendar's national-day roster is in every September). */
function plan(sources: Partial<MonthSources>, month = SEPT, source?: PlannedTask['source']): MonthPlan {
  const full = planMonth({
    month,
    lang: 'zh-CN',
    timeZone: TZ,
    calendar: CAL,
    settings: { ...DEFAULT_SETTINGS, officeHead: 'head@school.cn' },
    sources: { ...NONE, roster: ROSTER, ...sources },
  });
  const wanted = source ?? (Object.keys(sources)[0] === 'calendar' ? 'calendar' : undefined);
  return wanted ? { ...full, tasks: full.tasks.filter((t) => t.source === wanted) } : full;
}

function existing(task: PlannedTask, overrides: Partial<ExistingTask> = {}, row = 2): ExistingTask {
  return {
    row,
    taskId: `T202609-${String(row - 1).padStart(4, '0')}`,
    month: '2026-09',
    dueDate: task.dueDate,
    title: task.title,
    source: task.source,
    ref: task.ref,
    assignee: task.assignee,
    status: 'todo',
    doneDate: null,
    result: null,
    note: task.flag,
    key: task.key,
    ...overrides,
  };
}

describe('planning a month', () => {
  it('places calendar rows, resolves roles through the roster and flags a role nobody holds', () => {
    const { tasks, problems } = plan({
      calendar: rows([
        { when: '每月', day: '第1周', title: '后勤例会', role: '总务主任', active: true },
        { when: '9,2', day: 31, title: '月末盘点', role: '食堂管理员' },
        { when: '11', day: 10, title: '十一月事项', role: '总务主任' },
        { when: '每月', day: 5, title: '停用事项', role: '总务主任', active: false },
        { when: '有时', day: '', title: '坏时间', role: '总务主任' },
      ]),
    });
    expect(tasks.map((t) => [t.dueDate, t.title, t.assignee, t.flag])).toEqual([
      ['2026-09-01', '后勤例会', '王芳', ''],
      ['2026-09-30', '月末盘点', '王芳', '⚑ 人员名册中没有「食堂管理员」，已交总务主任。'],
    ]);
    expect(problems).toEqual([{ kind: 'calendarWhen', row: 6, text: '有时' }]);
  });

  it('turns each schedule occurrence into a task and reports an unreadable frequency', () => {
    const { tasks, problems } = plan(
      {
        schedules: rows([
          { scheduleId: 'S1', item: '消防', location: '教学楼', frequency: '每周五', role: '水电工' },
          { scheduleId: 'S2', item: '宿舍', location: '宿舍', frequency: '每月首个上学日', person: '赵敏' },
          { scheduleId: 'S3', item: '?', location: '?', frequency: '偶尔' },
          { scheduleId: 'S4', item: '停', location: '?', frequency: '每天', active: false },
        ]),
      },
      SEPT,
      'inspection',
    );
    expect(tasks.map((t) => `${t.ref} ${t.dueDate} ${t.assignee}`)).toEqual([
      'S2 2026-09-01 赵敏',
      'S1 2026-09-04 刘洋',
      'S1 2026-09-11 刘洋',
      'S1 2026-09-18 刘洋',
      'S1 2026-09-25 刘洋',
    ]);
    expect(tasks[1]!.key).toBe('inspection|S1|2026-09-04');
    expect(problems).toEqual([{ kind: 'frequency', row: 4, text: '偶尔' }]);
  });

  it('gives each open repair a task due by its deadline, longer with a contractor, and remembers completed ones', () => {
    const { tasks, completedRepairs } = plan(
      {
        repairs: rows([
          {
            repairId: 'R1',
            reportedAt: instantOf('2026-08-20', TZ, 9),
            status: '已报修',
            description: '漏水',
            location: '食堂',
          },
          {
            repairId: 'R2',
            reportedAt: instantOf('2026-09-02', TZ, 9),
            status: '维修中',
            contractor: true,
            assignee: '外包',
          },
          {
            repairId: 'R3',
            reportedAt: instantOf('2026-09-02', TZ, 9),
            status: '已完成',
            completedAt: instantOf('2026-09-03', TZ, 10),
          },
        ]),
      },
      SEPT,
      'repair',
    );
    expect(tasks.map((t) => [t.ref, t.dueDate, t.assignee])).toEqual([
      ['R1', '2026-08-21', '刘洋'],
      ['R2', '2026-09-05', '外包'],
    ]);
    expect([...completedRepairs]).toEqual([['R3', '2026-09-03']]);
  });

  it('term events: one property task per custodian listing their rooms, and a holiday duty roster', () => {
    const { tasks } = plan(
      {
        assets: rows([
          { custodian: '李强', location: '初一(2)班', status: '在用' },
          { custodian: '李强', location: '初一(1)班', status: '在用' },
          { custodian: '李强', location: '初一(1)班', status: '在用' },
          { custodian: '黄勇', location: '库房', status: '已报废' },
        ]),
      },
      SEPT,
      'term',
    );
    expect(tasks.map((t) => [t.dueDate, t.ref, t.title])).toEqual([
      ['2026-09-01', 'start:李强', '期初登记班级财产：初一(1)班、初一(2)班'],
      ['2026-09-24', 'duty:国庆节', '编排国庆节值班表'],
    ]);
  });

  it('duty coverage: a holiday with days nobody is on duty is a task for the office head on its eve', () => {
    const duty = rows([
      { date: '2026-10-01', endDate: '2026-10-03', kind: '节假日值班', person: '王芳' },
      { date: '2026-10-05', kind: '节假日值班', person: '刘洋' },
      // Gate duty and leadership weekly duty do not cover a holiday.
      { date: '2026-10-04', kind: '门卫值班', person: '保安甲' },
      { date: '2026-10-06', kind: '行政值周', person: '张伟' },
    ]);
    const gap = plan({ duty }, SEPT, 'term').tasks.filter((t) => t.ref.startsWith('dutyGap:'));
    expect(gap.map((t) => [t.dueDate, t.assignee, t.title])).toEqual([
      ['2026-09-30', '王芳', '国庆节值班表还有 3 天无人值班：2026-10-04、2026-10-06、2026-10-07'],
    ]);
    const full = rows([{ date: '2026-10-01', endDate: '2026-10-07', kind: '节假日值班', person: '王芳' }]);
    expect(plan({ duty: full }, SEPT, 'term').tasks.filter((t) => t.ref.startsWith('dutyGap:'))).toEqual([]);
  });

  it('expiring things: a task the lead days before, kept each month until the date passes', () => {
    const suppliers = rows([{ supplier: '某粮油', certificate: '食品经营许可证', expiry: '2026-09-10' }]);
    const sept = plan({ suppliers }, SEPT, 'expiry');
    expect(sept.tasks.map((t) => [t.ref, t.dueDate])).toEqual([
      ['cert:某粮油:食品经营许可证', '2026-08-11'],
      ['health:张伟', '2026-09-20'],
    ]);
    expect(plan({ suppliers }, { year: 2026, month: 10 }, 'expiry').tasks.map((t) => t.ref)).toEqual([
      'health:张伟',
    ]);
    expect(plan({ suppliers }, { year: 2026, month: 8 }, 'expiry').tasks.map((t) => t.ref)).toEqual([
      'cert:某粮油:食品经营许可证',
    ]);
  });

  it('says when the school year has no term', () => {
    const result = planMonth({
      month: SEPT,
      lang: 'en',
      timeZone: TZ,
      calendar: schoolCalendarFrom([], TZ),
      settings: DEFAULT_SETTINGS,
      sources: NONE,
    });
    expect(result.problems).toEqual([{ kind: 'noTerms' }]);
  });
});

describe('merging with the Tasks sheet', () => {
  const s1 = plan(
    {
      schedules: rows([
        { scheduleId: 'S1', item: '消防', location: '教学楼', frequency: '每周五', role: '水电工' },
      ]),
    },
    SEPT,
    'inspection',
  );

  it('adds everything to an empty sheet with ids numbered per month', () => {
    const result = mergeTasks(SEPT, s1, []);
    expect(result.added.map((t) => t.taskId)).toEqual([
      'T202609-0001',
      'T202609-0002',
      'T202609-0003',
      'T202609-0004',
    ]);
    expect(result.counts).toEqual({ added: 4, updated: 0, removed: 0, unchanged: 0 });
  });

  it('changes nothing the second time', () => {
    const sheet = s1.tasks.map((t, i) => existing(t, {}, i + 2));
    const result = mergeTasks(SEPT, s1, sheet);
    expect(result.added).toEqual([]);
    expect(result.updates).toEqual([]);
    expect(result.counts).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 4 });
  });

  it('moves open tasks to the nearest new day, leaves done ones and user notes, adds what is new', () => {
    const sheet = s1.tasks.map((t, i) =>
      existing(
        t,
        i === 0 ? { status: 'done', doneDate: '2026-09-04' } : i === 1 ? { note: '带梯子' } : {},
        i + 2,
      ),
    );
    const thursdays = plan(
      {
        schedules: rows([
          { scheduleId: 'S1', item: '消防', location: '教学楼', frequency: '每周四', role: '保管员' },
        ]),
      },
      SEPT,
      'inspection',
    );
    const result = mergeTasks(SEPT, thursdays, sheet);
    expect(result.updates).toEqual([
      { row: 3, patch: { dueDate: '2026-09-10', assignee: '张伟', key: 'inspection|S1|2026-09-10' } },
      { row: 4, patch: { dueDate: '2026-09-17', assignee: '张伟', key: 'inspection|S1|2026-09-17' } },
      { row: 5, patch: { dueDate: '2026-09-24', assignee: '张伟', key: 'inspection|S1|2026-09-24' } },
    ]);
    expect(result.added.map((t) => [t.dueDate, t.taskId])).toEqual([['2026-09-03', 'T202609-0005']]);
  });

  it('marks open tasks of a removed source, keeps done ones, and revives them if the source returns', () => {
    const sheet = s1.tasks.map((t, i) => existing(t, i === 0 ? { status: 'done' } : {}, i + 2));
    const gone = mergeTasks(SEPT, plan({}, SEPT, 'inspection'), sheet);
    expect(gone.updates).toEqual([3, 4, 5].map((row) => ({ row, patch: { status: 'source_removed' } })));
    expect(gone.counts.removed).toBe(3);
    const removed = sheet.map((t, i) => (i === 0 ? t : { ...t, status: 'source_removed' as const }));
    const back = mergeTasks(SEPT, s1, removed);
    expect(back.updates).toEqual([3, 4, 5].map((row) => ({ row, patch: { status: 'todo' } })));
  });

  it('leaves other months and rows the office typed by hand alone', () => {
    const other = existing(s1.tasks[0]!, {
      month: '2026-08',
      key: 'inspection|S1|2026-08-28',
      dueDate: '2026-08-28',
    });
    const handTyped: ExistingTask = { ...other, row: 3, source: null, key: '', month: '2026-09' };
    const result = mergeTasks(SEPT, plan({}, SEPT, 'inspection'), [other, handTyped]);
    expect(result.updates).toEqual([]);
  });

  it('closes an open repair task as done when the repair is completed', () => {
    const repair = plan(
      {
        repairs: rows([{ repairId: 'R1', reportedAt: instantOf('2026-08-20', TZ, 9), status: '已报修' }]),
      },
      SEPT,
      'repair',
    ).tasks[0]!;
    const aug = existing(repair, { month: '2026-08' });
    const fixed = plan(
      {
        repairs: rows([
          {
            repairId: 'R1',
            reportedAt: instantOf('2026-08-20', TZ, 9),
            status: '已完成',
            completedAt: instantOf('2026-09-02', TZ, 9),
          },
        ]),
      },
      SEPT,
      'repair',
    );
    expect(mergeTasks(SEPT, fixed, [aug]).updates).toEqual([
      { row: 2, patch: { status: 'done', doneDate: '2026-09-02' } },
    ]);
  });

  it('keeps Houqin’s flag current but never a note the office typed', () => {
    const flagged = plan({ calendar: rows([{ when: '每月', day: 1, title: 'x', role: '食堂管理员' }]) })
      .tasks[0]!;
    const resolved = { ...flagged, assignee: '陈静', flag: '' };
    const next = { ...s1, tasks: [resolved] };
    expect(mergeTasks(SEPT, next, [existing(flagged)]).updates).toEqual([
      { row: 2, patch: { assignee: '陈静', note: '' } },
    ]);
    expect(mergeTasks(SEPT, next, [existing(flagged, { note: '已电话' })]).updates).toEqual([
      { row: 2, patch: { assignee: '陈静' } },
    ]);
  });
});

describe('the rest', () => {
  it.each([
    ['2026-12', { year: 2026, month: 12 }],
    ['2026/1', { year: 2026, month: 1 }],
    ['2026年12月', { year: 2026, month: 12 }],
    ['２０２６－１２', { year: 2026, month: 12 }],
    ['202612', { year: 2026, month: 12 }],
    ['2026-13', undefined],
    ['十二月', undefined],
    ['', undefined],
  ])('reads the month %j', (text, expected) => {
    expect(parseMonth(text)).toEqual(expected);
  });

  it('counts open and overdue tasks per person, busiest first', () => {
    expect(
      openByPerson(
        [
          { assignee: 'A', dueDate: '2026-09-01', status: 'todo' },
          { assignee: 'B', dueDate: '2026-09-09', status: 'todo' },
          { assignee: 'B', dueDate: '2026-09-10', status: 'todo' },
          { assignee: 'A', dueDate: '2026-09-01', status: 'done' },
        ],
        '2026-09-05',
      ),
    ).toEqual([
      { assignee: 'B', open: 2, overdue: 0 },
      { assignee: 'A', open: 1, overdue: 1 },
    ]);
  });

  it('rolls schedules’ next due dates and clears them for inactive or unreadable ones', () => {
    const schedules = rows([
      { scheduleId: 'S1', frequency: '每周五', lastDone: '2026-09-04', nextDue: '' },
      { scheduleId: 'S2', frequency: '每周五', lastDone: '2026-09-04', nextDue: '2026-09-11' },
      { scheduleId: 'S3', frequency: '偶尔', nextDue: '2026-09-11' },
      { scheduleId: 'S4', frequency: '每天', active: false, nextDue: '' },
    ]);
    expect(scheduleDueDates(schedules, CAL, '2026-09-07', TZ)).toEqual([
      { row: 2, nextDue: '2026-09-11' },
      { row: 4, nextDue: null },
    ]);
  });

  it('completing an inspection records the result and rolls the schedule; other tasks just close', () => {
    const task = existing(
      plan(
        {
          schedules: rows([
            { scheduleId: 'S1', item: 'x', location: '教学楼', frequency: '每周五', person: '刘洋' },
          ]),
        },
        SEPT,
        'inspection',
      ).tasks[0]!,
    );
    const schedule = rows([
      { scheduleId: 'S1', location: '教学楼', frequency: '每周五', lastDone: '2026-08-28' },
    ])[0]!;
    const done = completeTask({
      task,
      today: '2026-09-04',
      result: 'hazard',
      finding: ' 灭火器压力不足 ',
      schedule,
      recorded: false,
      calendar: CAL,
      lang: 'zh-CN',
      timeZone: TZ,
    });
    expect(done.taskPatch).toEqual({ status: 'done', doneDate: '2026-09-04', result: 'hazard' });
    expect(done.resultRow).toMatchObject({
      scheduleId: 'S1',
      location: '教学楼',
      inspector: '刘洋',
      result: '发现隐患',
      finding: '灭火器压力不足',
    });
    expect(done.schedule).toEqual({ row: 2, lastDone: '2026-09-04', nextDue: '2026-09-11' });
    const again = completeTask({
      task: { ...task, status: 'done', doneDate: '2026-09-04', result: 'hazard' },
      today: '2026-09-05',
      schedule,
      recorded: true,
      calendar: CAL,
      lang: 'zh-CN',
      timeZone: TZ,
    });
    expect(again).toEqual({ taskPatch: {} });
    const other = completeTask({
      task: { ...task, source: 'calendar' },
      today: '2026-09-05',
      recorded: false,
      calendar: CAL,
      lang: 'zh-CN',
      timeZone: TZ,
    });
    expect(other).toEqual({ taskPatch: { status: 'done', doneDate: '2026-09-05' } });
  });
});

describe('a whole school year of the template', () => {
  const YEAR = schoolCalendarFrom(rows(defaultSchoolYearRows('zh-CN', TZ)), TZ);
  const MONTHS = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7].map((m) => ({
    year: m >= 8 ? 2026 : 2027,
    month: m,
  }));
  const ASSETS = rows([
    { assetId: 'A1', name: '课桌', location: '一(1)班', custodian: '李老师', status: '在用' },
    { assetId: 'A2', name: '投影仪', location: '二(1)班', custodian: '陈老师', status: '在用' },
  ]);
  const yearPlan = (calendar: SheetRow[]) =>
    MONTHS.flatMap(
      (month) =>
        planMonth({
          month,
          lang: 'zh-CN',
          timeZone: TZ,
          calendar: YEAR,
          settings: { ...DEFAULT_SETTINGS, officeHead: 'head@school.cn' },
          sources: {
            ...NONE,
            roster: ROSTER,
            assets: ASSETS,
            calendar,
            schedules: rows(defaultScheduleRows('zh-CN')),
          },
        }).tasks,
    );

  it('plans no duty twice: property registered and handed back once per custodian a term, one roster per holiday', () => {
    // An older template's calendar also listed these duties; its rows are passed over.
    const older = rows([
      ...defaultCalendarRows('zh-CN'),
      { when: '学期初', title: '登记班级财产', role: '保管员', active: true },
      { when: '学期末', title: '对照台账清点班级财产', role: '保管员', active: true },
      { when: '学期末', title: '编排假期值班表', role: '总务主任', active: true },
    ]);
    const tasks = yearPlan(older);
    // Expiring things stay on each month's list until their date (the merge keeps one row by key).
    const once = tasks.filter((t) => t.source !== 'expiry');
    expect(new Set(once.map((t) => t.key)).size).toBe(once.length);
    const count = (re: RegExp) => tasks.filter((t) => re.test(t.title)).length;
    expect(count(/^期初登记班级财产|^期末清点、交还班级财产/)).toBe(2 * 2 * 2); // two custodians, start and end, two terms
    expect(count(/^登记班级财产$|^对照台账清点班级财产$/)).toBe(0);
    // Every holiday and break of the sample year gets one roster, a week or more before it starts.
    const rosters = tasks.filter((t) => /^编排.*值班表$/.test(t.title));
    expect(rosters.map((t) => t.title)).toEqual(YEAR.holidays.map((h) => `编排${h.name}值班表`));
    for (const r of rosters) {
      const holiday = YEAR.holidays.find((h) => r.title.includes(h.name))!;
      // A week ahead, not on the last school day before the break.
      expect(r.dueDate <= addDays(holiday.start, -7)).toBe(true);
    }
  });

  it('puts every calendar and inspection task on a school day in term months, and each drill and training once', () => {
    const tasks = yearPlan(rows(defaultCalendarRows('zh-CN')));
    const termMonth = (d: string) => !d.startsWith('2026-08') && !d.startsWith('2027-08');
    for (const t of tasks.filter(
      (t) => (t.source === 'calendar' || t.source === 'inspection') && termMonth(t.dueDate),
    ))
      expect([t.title, isSchoolDay(YEAR, t.dueDate)]).toEqual([t.title, true]);
    const drills = tasks.filter((t) => /消防疏散演练/.test(t.title));
    expect(drills.map((t) => t.dueDate.slice(0, 7))).toEqual(['2026-09', '2027-03']);
    const openDays = tasks.filter((t) => /食堂开放日/.test(t.title));
    expect(openDays).toHaveLength(4);
    const training = tasks.filter((t) => /食品安全培训/.test(t.title)).map((t) => t.dueDate.slice(0, 7));
    // Every month with school, once; none in August.
    expect(training).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
    ]);
    // The August preparation rows stay.
    expect(tasks.filter((t) => t.dueDate.startsWith('2026-08') && t.source === 'calendar').length).toBe(7);
    // The mid-term property check ships switched off.
    expect(tasks.some((t) => /期中检查班级财产/.test(t.title))).toBe(false);
  });
});
