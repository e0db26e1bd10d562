import { foundation } from './0001-foundation.js';
import { inventory } from './0002-inventory.js';
import type { MigrationFactory } from './types.js';

/** Every migration in order. Append only; never edit one that has shipped. */
export const migrations: ReadonlyArray<readonly [name: string, factory: MigrationFactory]> = [
  ['0001-foundation', foundation],
  ['0002-inventory', inventory],
];
