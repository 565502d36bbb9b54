/** Monthly task lists: sources → tasks for a month → an idempotent merge with the Tasks sheet. */
export { planMonth, type MonthPlan, type MonthSources } from './plan';
export { mergeTasks, type MergeResult } from './merge';
export { readTasks, patchCells, newTaskCells } from './sheet';
export { openByPerson, describeLoad, type PersonLoad } from './summary';
export { scheduleDueDates } from './schedules';
export {
  checkCompletion,
  completeTask,
  readCompletion,
  type Completion,
  type CompletionRequest,
} from './complete';
export { describeProblems } from './problems';
export { parseMonth, monthId, monthOf, firstDay, lastDay, type Month } from './month';
export { FLAG_MARK, isHouqinNote } from './assign';
export {
  taskKey,
  isOpen,
  type ExistingTask,
  type PlannedTask,
  type SourceProblem,
  type TaskPatch,
  type TaskSource,
  type TaskStatus,
} from './model';

// What the shell imports of this concern, through this index (eslint houqin/layer-imports).
export * from './assign';
export * from './month';
