export { buildDigest } from './build';
export { renderDigest, type DigestContext } from './render';
export type { Digest, DigestProblem, FeeGap } from './model';
