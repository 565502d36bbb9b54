// The table concern as the shell sees it: it imports the core through each concern's index
// (eslint houqin/layer-imports).
export * from './a1';
export * from './labels';
export * from './mapping';
export * from './record';
