import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import boundaries from '../eslint.boundaries.js';

/**
 * The lint's boundary rules (eslint.boundaries.js, part of `npm run lint`) on fixture sources:
 * deliberate violations fail, the allowed forms pass.
 */
const eslint = new ESLint({
  cwd: path.resolve(import.meta.dirname, '..'),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...boundaries],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint boundaries', () => {
  it("fails a feature importing another feature's store", async () => {
    const found = await problems(
      'src/features/orders/fixture.ts',
      "import { findNumber } from '../inventory/inventory.store.js';\nvoid findNumber;\n",
    );
    assert.deepEqual(found, ['no-restricted-imports']);
  });

  it("fails a feature importing another feature's service directly", async () => {
    const found = await problems(
      'src/features/disconnects/fixture.ts',
      "import { getAccount } from '../accounts/accounts.service.js';\nvoid getAccount;\n",
    );
    assert.deepEqual(found, ['no-restricted-imports']);
  });

  it('fails platform/ or shared/ importing a feature', async () => {
    for (const file of ['src/platform/http/fixture.ts', 'src/shared/fixture.ts']) {
      const found = await problems(
        file,
        "import { ORDER_KINDS } from '../../features/index.js';\nvoid ORDER_KINDS;\n",
      );
      assert.deepEqual(found, ['no-restricted-imports'], file);
    }
  });

  it('fails an entry point reaching past a feature index', async () => {
    const found = await problems(
      'src/cli/fixture.ts',
      "import { findUser } from '../features/users/users.store.js';\nvoid findUser;\n",
    );
    assert.deepEqual(found, ['no-restricted-imports']);
  });

  it("passes a feature's own files, another feature's index, platform and shared", async () => {
    const found = await problems(
      'src/features/orders/fixture.ts',
      [
        "import { OrderErrors } from './orders.errors.js';",
        "import { numbersByTn } from '../inventory/index.js';",
        "import { inTransaction } from '../../platform/db/transaction.js';",
        "import { text } from '../../shared/fields.js';",
        'void [OrderErrors, numbersByTn, inTransaction, text];',
      ].join('\n'),
    );
    assert.deepEqual(found, []);
  });
});
