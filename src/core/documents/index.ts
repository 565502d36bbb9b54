export type { Block, Cell, Column, DocumentModel, FactsBlock, Section, TableBlock, TextBlock } from './model';
export { DOCUMENT_FONTS, renderDocument, type RenderOptions } from './render';
export {
  buildSafetyReport,
  drillsOf,
  fullDate,
  monthPeriod,
  safetyDocument,
  safetySummary,
  SAFETY_SHEETS,
  type DrillRecord,
  type HazardLine,
  type SafetyReport,
} from './safety';
export { recipientsDue, reportLogChanges, safetyRecipients, safetyReportKey, waitingInLog } from './send';
export {
  handoverDocument,
  handoverGroups,
  handoverTerm,
  termFor,
  type HandoverAsset,
  type HandoverGroup,
} from './handover';
export { handoverForm } from './handover-form';
export {
  CHECK_STATES,
  planHandoverResult,
  readChecks,
  type CheckState,
  type HandoverCheck,
  type HandoverContext,
} from './handover-result';
export {
  approveStocktake,
  countSheetDocument,
  openCount,
  startStocktake,
  type CountRow,
  type StocktakeTables,
} from './stocktake';
export {
  agencyStatementDocument,
  feeNoticeDocument,
  monthlyAccountsDocument,
  settleAgencyFees,
  shareEvenly,
  type AgencySettlement,
  type FeeTables,
} from './fees';
export { damageDocument, type DamageContext } from './damage';
export {
  documentRefSchema,
  pdfFileName,
  PDF_ENDPOINTS,
  readDocumentRef,
  type DocumentKind,
  type DocumentRef,
} from './ref';
