import { foundation } from './0001-foundation.js';
import { inventory } from './0002-inventory.js';
import { userVersion } from './0003-user-version.js';
import { disconnectHistory } from './0004-disconnect-history.js';
import { orders } from './0005-orders.js';
import { availableByNumber } from './0006-available-by-number.js';
import { orderDetailsNames } from './0007-order-details-names.js';
import { notifications } from './0008-notifications.js';
import { porting } from './0009-porting.js';
import { portingOut } from './0010-porting-out.js';
import { reportFiles } from './0011-report-files.js';
import { billing } from './0012-billing.js';
import type { MigrationFactory } from './types.js';

/** Every migration in order. Append only; never edit one that has shipped. */
export const migrations: ReadonlyArray<readonly [name: string, factory: MigrationFactory]> = [
  ['0001-foundation', foundation],
  ['0002-inventory', inventory],
  ['0003-user-version', userVersion],
  ['0004-disconnect-history', disconnectHistory],
  ['0005-orders', orders],
  ['0006-available-by-number', availableByNumber],
  ['0007-order-details-names', orderDetailsNames],
  ['0008-notifications', notifications],
  ['0009-porting', porting],
  ['0010-porting-out', portingOut],
  ['0011-report-files', reportFiles],
  ['0012-billing', billing],
];
