// The requests concern as the shell sees it: it imports the core through each concern's index
// (eslint houqin/layer-imports).
export * from './labels';
export * from './plan';
export * from './schema';
export * from './status';
