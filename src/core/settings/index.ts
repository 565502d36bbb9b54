// The settings concern as the shell sees it: it imports the core through each concern's index
// (eslint houqin/layer-imports).
export * from './parse';
export * from './schema';
