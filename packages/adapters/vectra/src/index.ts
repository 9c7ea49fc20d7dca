/**
 * @sid/vectra — a file-backed VectorIndex for @sid/core on vectra's LocalIndex (one folder per
 * namespace). The default index for long-term memory and skill retrieval in single-machine runs.
 */
export { VectraVectorIndex, type VectraVectorIndexOptions } from './vectra-vector-index.js';
