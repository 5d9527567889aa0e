// Makes sure the browser tests have a Chromium: Debian's /usr/bin/chromium (or PROGRAMME_CHROMIUM).
// When it is missing and we run as root, installs it with apt-get; otherwise says how to get it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.PROGRAMME_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing the Debian package `chromium`...');
    try {
      execFileSync('apt-get', ['update'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      console.error('Installing chromium with apt-get failed (see above).');
      process.exit(1);
    }
  }
  if (!existsSync(path)) {
    console.error(
      `The browser tests need Chromium at ${path}. Install it (Debian/Ubuntu: \`sudo apt-get install chromium\`) or set PROGRAMME_CHROMIUM to a Chromium or Chrome executable.`,
    );
    process.exit(1);
  }
}
