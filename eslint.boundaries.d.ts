import type { Linter } from 'eslint';

declare const boundaries: Linter.Config[];
export default boundaries;
