#!/usr/bin/env node
import { Command, Option } from 'commander';
import { registerAdminCommands } from './admin.js';
import { serve } from './serve.js';

/**
 * `bwdash`: one build, every role. `bwdash serve` runs the API and the worker (or one of them with
 * --roles); the other commands are the operator's tools for what the API has no call for.
 */
const program = new Command('bwdash').description('Self-hosted Bandwidth Dashboard (Numbers) API v1 server');

program
  .command('serve')
  .description('start the server (API and job worker)')
  .option('-p, --port <port>', 'HTTP port (PORT, default 8080)')
  .option('--host <host>', 'listen address (HOST, default 0.0.0.0)')
  .option('--data-dir <dir>', 'data directory for the embedded database (DATA_DIR, default ./var)')
  .option('--database-url <url>', 'postgres://… to use PostgreSQL (DATABASE_URL)')
  .addOption(new Option('--roles <roles>', 'api, worker or both (ROLES, default api,worker)'))
  .option('--no-demo', 'do not create the demo account and user (DEMO=false)')
  .option(
    '--inventory-size <size>',
    'numbers in the demo inventory built at first start, e.g. 1m, 10m (INVENTORY_SIZE)',
  )
  .action(async (opts: Record<string, string | boolean | undefined>) => {
    await serve(opts);
  });

registerAdminCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
