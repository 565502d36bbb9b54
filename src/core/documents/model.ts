import type { Lang } from '../lang';

/**
 * A printable document as data: what the office hands over (a monthly report, a handover list),
 * independent of how it is drawn. Every text here is plain text (cell values included); the one
 * renderer (render.ts) escapes it. Numbers are shown as given.
 */
export type Cell = string | number;

export interface Column {
  readonly label: string;
  /** Numbers read best right-aligned; ticks and marks centred. */
  readonly align?: 'left' | 'right' | 'center';
  /** Share of the table's width, e.g. '12%'; the rest is shared out by the browser. */
  readonly width?: string;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** A totals row under the rows (same number of cells as columns). */
  readonly totals?: readonly Cell[];
  /** Said in place of the table when there are no rows, so an empty table is never silent. */
  readonly empty: string;
}

export interface FactsBlock {
  readonly kind: 'facts';
  readonly items: readonly { readonly label: string; readonly value: Cell }[];
}

export interface TextBlock {
  readonly kind: 'text';
  readonly text: string;
  /** 'notice' stands out: the empty-month statement, a warning the reader must not miss. */
  readonly tone?: 'notice';
}

export type Block = TableBlock | FactsBlock | TextBlock;

export interface Section {
  readonly heading: string;
  readonly blocks: readonly Block[];
  /** Starts on a new page (each room's handover list is its own sheet of paper). */
  readonly newPage?: boolean;
  /** Who signs for this section alone (a room's custodian and the office), after its blocks. */
  readonly signatures?: readonly string[];
}

export interface DocumentModel {
  readonly lang: Lang;
  readonly title: string;
  /** The school's name from Settings ('' when not set: the renderer leaves the line out). */
  readonly school: string;
  /** The period the document covers, in words: 2026年11月, 2026–2027学年第一学期. */
  readonly period: string;
  /** The day it was made, in words. */
  readonly issued: string;
  /** Lines under the title: room, custodian, unit. */
  readonly meta: readonly { readonly label: string; readonly value: Cell }[];
  readonly sections: readonly Section[];
  /** Who signs: each gets a signature line and a date line. */
  readonly signatures: readonly string[];
  /** The PDF's file name without extension (plain text; the shell keeps it safe for a file name). */
  readonly fileName: string;
}
