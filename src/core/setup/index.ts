// The setup concern as the shell sees it: it imports the core through each concern's index
// (eslint houqin/layer-imports).
export * from './defaults';
export * from './layout';
export * from './plan';
