import type { EnumValue } from '../sheets';
import type { Day } from '../time';

export type TaskSource = EnumValue<'taskSource'>;
export type TaskStatus = EnumValue<'taskStatus'>;

/** A task one of the sources asks for: what generation would write for it. */
export interface PlannedTask {
  /** Stable identity: source + reference + due date (see taskKey). */
  readonly key: string;
  readonly source: TaskSource;
  /** The source record: schedule id, repair id, calendar title, custodian, certificate… */
  readonly ref: string;
  readonly dueDate: Day;
  readonly title: string;
  readonly assignee: string;
  /** Houqin's note when the role had nobody on the roster and the task went to the office head. */
  readonly flag: string;
}

/** A row of the Tasks sheet as read. */
export interface ExistingTask {
  /** 1-based sheet row. */
  readonly row: number;
  readonly taskId: string;
  readonly month: string;
  readonly dueDate: Day | null;
  readonly title: string;
  readonly source: TaskSource | null;
  readonly ref: string;
  readonly assignee: string;
  /** Empty counts as todo. */
  readonly status: TaskStatus;
  readonly doneDate: Day | null;
  readonly result: EnumValue<'inspectionResult'> | null;
  readonly note: string;
  readonly key: string;
}

/** The Houqin-written fields a merge may change on an existing row. */
export type TaskPatch = Partial<{
  dueDate: Day;
  title: string;
  assignee: string;
  key: string;
  status: TaskStatus;
  doneDate: Day;
  result: EnumValue<'inspectionResult'>;
  note: string;
}>;

/** Something in a source sheet that produced no task, for the office to correct. */
export interface SourceProblem {
  readonly kind: 'frequency' | 'calendarWhen' | 'calendarDay' | 'schoolYear' | 'noTerms';
  readonly row?: number;
  readonly text?: string;
}

export function taskKey(source: TaskSource, ref: string, dueDate: Day): string {
  return `${source}|${ref}|${dueDate}`;
}

/** Done and skipped tasks belong to the person who closed them: generation never touches them. */
export function isOpen(status: TaskStatus): boolean {
  return status === 'todo';
}
