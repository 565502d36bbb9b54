// The sidebar concern as the shell sees it: it imports the core through each concern's index
// (eslint houqin/layer-imports).
export * from './actions';
export * from './check';
export * from './dashboard';
export * from './embed';
export * from './forms';
export * from './records';
export * from './user';
