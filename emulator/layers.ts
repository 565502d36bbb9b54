/** The per-cell layers a sheet stores (values, formulas, formats, notes, …) and which of them are formatting. */

export type Cell = string | number | boolean;
export type Grid<T> = (T[] | undefined)[];

export const LAYERS = [
  'values',
  'formulas',
  'formats',
  'notes',
  'backgrounds',
  'fontWeights',
  'fontColors',
  'fontStyles',
  'fontSizes',
  'validations',
  'wraps',
  'hAligns',
  'vAligns',
] as const;
export type LayerName = (typeof LAYERS)[number];
/** Layers a newly inserted row/column copies from its neighbour (formatting, not content). */
export const INHERITED: LayerName[] = [
  'formats',
  'backgrounds',
  'fontWeights',
  'fontColors',
  'fontStyles',
  'fontSizes',
  'validations',
  'wraps',
  'hAligns',
  'vAligns',
];
export const FORMAT_LAYERS: LayerName[] = INHERITED.filter((l) => l !== 'validations');
