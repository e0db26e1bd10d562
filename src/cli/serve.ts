import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { progressBar } from '../platform/progress.js';

/** Command-line flags override the environment. */
export function envWithFlags(opts: Record<string, string | boolean | undefined>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  const map: Record<string, string> = {
    port: 'PORT',
    host: 'HOST',
    dataDir: 'DATA_DIR',
    databaseUrl: 'DATABASE_URL',
    roles: 'ROLES',
    inventorySize: 'INVENTORY_SIZE',
  };
  for (const [flag, name] of Object.entries(map)) {
    const value = opts[flag];
    if (typeof value === 'string') env[name] = value;
  }
  if (opts.demo === false) env.DEMO = 'false';
  return env;
}

export async function serve(opts: Record<string, string | boolean | undefined>): Promise<void> {
  const started = performance.now();
  const config = loadConfig(envWithFlags(opts));
  const app = await createApp(config, { onProgress: progressBar('demo inventory') });
  app.start();
  if (config.roles.has('api')) {
    await app.http.listen({ port: config.port, host: config.host });
  } else {
    await app.http.ready();
  }
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const port = config.roles.has('api') ? (app.http.server.address() as { port: number }).port : config.port;
  const lines = [
    `Bandwidth Dashboard API v1 ready in ${Math.round(performance.now() - started)} ms (roles: ${[...config.roles].join(', ')})`,
    config.roles.has('api')
      ? `  API:      http://${shown}:${port}/api  (also /v1.0)`
      : '  API:      off (worker only)',
    `  Database: ${app.deps.database.dialect} ${app.deps.database.location}`,
    `  Clock:    ${app.deps.clock.mode}, now ${app.deps.clock.now().toISOString()}`,
  ];
  if (config.demo.enabled) {
    lines.push(
      `  Demo:     account ${config.demo.accountId}, user ${config.demo.username} / password ${config.demo.password}`,
    );
  }
  console.log(lines.join('\n'));

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
