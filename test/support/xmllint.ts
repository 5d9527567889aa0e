/**
 * xmllint (Debian `libxml2-utils`) validates schedule.xml against the exchange format's XSD.
 * When it is missing and we are root (CI, the dev container) it is installed with apt-get;
 * otherwise the tests fail saying how to install it.
 */
import { spawnSync } from 'child_process';

let checked = false;

function present(): boolean {
  return spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function ensureXmllint(): void {
  if (checked || present()) {
    checked = true;
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error('xmllint is missing: install it with `sudo apt-get install -y libxml2-utils` (Debian/Ubuntu) to run the schedule.xml tests');
  }
  let r = spawnSync('apt-get', ['install', '-y', '-q', 'libxml2-utils'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    // A fresh machine has no package lists yet.
    spawnSync('apt-get', ['update', '-q'], { encoding: 'utf8' });
    r = spawnSync('apt-get', ['install', '-y', '-q', 'libxml2-utils'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (r.status !== 0 || !present()) throw new Error(`could not install libxml2-utils (xmllint): ${r.stderr}`);
  checked = true;
}

/** Validates an XML text against an XSD file; `errors` is xmllint's report when invalid. */
export function validateXml(xml: string, xsdFile: string): { valid: boolean; errors: string } {
  ensureXmllint();
  const r = spawnSync('xmllint', ['--noout', '--schema', xsdFile, '-'], { input: xml, encoding: 'utf8' });
  return { valid: r.status === 0, errors: r.stderr };
}
