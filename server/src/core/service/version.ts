/**
 * The one version of the tool: package.json's, read at build time. The CLI's `--version`, the
 * language server's `serverInfo` and the generator of every export say this.
 */
import { version } from '../../../../package.json';

export const PROGRAMME_VERSION: string = version;
