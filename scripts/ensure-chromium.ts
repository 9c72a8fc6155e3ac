/**
 * Make sure Debian's Chromium is installed at /usr/bin/chromium before the browser tests run.
 * When it is missing, install it with apt-get (CI runs as root) and say so; when that is not
 * possible, stop with a clear message. Browser tests are never skipped silently.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function sh(command: string): number {
  console.log(`ensure-chromium: $ ${command}`);
  const result = spawnSync('sh', ['-c', command], { stdio: 'inherit' });
  return result.status ?? 1;
}

if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: ${CHROMIUM} is aanwezig.`);
} else {
  console.log(`ensure-chromium: ${CHROMIUM} ontbreekt; installeren met apt-get (Debian-pakket "chromium").`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = isRoot ? '' : 'sudo -n ';
  const status = sh(`${prefix}apt-get update`) || sh(`DEBIAN_FRONTEND=noninteractive ${prefix}apt-get install -y --no-install-recommends chromium`);
  if (status !== 0 || !existsSync(CHROMIUM)) {
    console.error(
      `ensure-chromium: FOUT — Chromium kon niet worden geïnstalleerd (exit ${status}). ` +
        `Installeer het handmatig met "apt-get install -y chromium" (als root) en start de tests opnieuw. ` +
        `De browser- en toegankelijkheidstests hebben ${CHROMIUM} nodig en worden niet overgeslagen.`,
    );
    process.exit(1);
  }
  console.log(`ensure-chromium: ${CHROMIUM} geïnstalleerd.`);
}
