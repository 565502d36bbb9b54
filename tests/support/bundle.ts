// The loader lives beside the emulator, where the playground and the benchmark reach it too.
export * from '../../emulator/bundle';
