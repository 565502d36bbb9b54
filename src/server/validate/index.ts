export { checkAllSheets } from './check';
export { validateEdit } from './edit';
export { showCheckReport } from './dialog';
