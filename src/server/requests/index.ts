export { servePage, room } from './page';
export { submit } from './submit';
export { tellReporters } from './notify';
export { printAssetLabels, printLabels } from './labels';
export type { Receipt, RequestPageData, RequestResult, RoomData } from './api';
