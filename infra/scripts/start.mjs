// `npm start`: build the API and the two web apps, then serve everything on one origin.
// With no DATABASE_URL the API starts its embedded PostgreSQL + PostGIS under DATA_DIR (.data)
// and seeds the demo city on first start.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { workspaceRoot } from './swc-options.mjs';

for (const script of ['build-api.mjs', 'build-web.mjs']) {
  const result = spawnSync(process.execPath, [path.join(workspaceRoot, 'infra/scripts', script)], {
    cwd: workspaceRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const api = spawn(process.execPath, ['--enable-source-maps', 'dist/api/apps/api/src/main.js'], {
  cwd: workspaceRoot,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
