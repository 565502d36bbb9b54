export { IMPORT_TARGETS, importFields, idField, isImportTarget, SYNONYMS, type ImportTarget } from './fields';
export { findHeader, isRepeatedHeader, isTotalRow, headerKey, type HeaderFound } from './header';
export { contentKind, suggestMapping, type Mapping, type MappedBy } from './mapping';
export {
  planImport,
  shownValue,
  type Conflict,
  type ImportPlan,
  type ImportWrites,
  type PlanInput,
  type PlanResult,
  type ReadTable,
  type RowProblem,
  type Skipped,
  type SkipReason,
} from './plan';
export {
  fixSheetName,
  importRequestSchema,
  readImportRequest,
  targetName,
  type ImportRequest,
} from './options';
export { fieldLabel, importPreview, noPlanText, PREVIEW_LINES, type ImportPreview } from './preview';
