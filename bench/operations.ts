import type { Emulator } from '../emulator';
import type { Bundle } from '../tests/support/bundle';
import { syntheticWorkbook } from '../tests/support/workbook';

/** One operation the benchmark times: prepare a workbook of `rows` rows, then run it once. */
export interface BenchOperation {
  readonly name: string;
  prepare(emu: Emulator, rows: number): void;
  run(bundle: Bundle): void;
}

export const OPERATIONS: readonly BenchOperation[] = [
  {
    name: 'Set up workbook (existing data)',
    prepare: (emu, rows) => syntheticWorkbook(emu, rows),
    run: (bundle) => bundle.call('menuSetUpWorkbook'),
  },
];
