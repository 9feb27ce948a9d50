// Runs `npm ci` only when node_modules does not match package-lock.json: the lock file's hash is kept in a stamp
// file inside node_modules after a successful install, so an unchanged lock costs nothing on the next build.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lock = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.trendline-lock.sha256');

const hash = createHash('sha256')
  .update(readFileSync(lock))
  .update(process.version) // a different Node may need different native packages
  .digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
  console.log('node_modules is up to date with package-lock.json');
  process.exit(0);
}

console.log('installing front-end dependencies: npm ci');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.error(`npm ci failed (${result.error ?? `exit ${result.status}`})`);
  process.exit(result.status || 1);
}
writeFileSync(stamp, `${hash}\n`);

