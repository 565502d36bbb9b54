// The workbook fixtures live beside the emulator, where the benchmark reaches them too.
export * from '../../emulator/fixtures';
