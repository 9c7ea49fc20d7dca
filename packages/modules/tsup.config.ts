// Shared build settings: ../../tsup.base.ts
export { default } from '../../tsup.base.js';
