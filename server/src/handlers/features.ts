/**
 * Registers the language features. Each feature lives in its own handler file and returns
 * the capabilities it adds.
 */
import { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { scheduleFeature } from './schedule';

type Feature = (ctx: ServerContext) => ServerCapabilities;

const FEATURES: Feature[] = [scheduleFeature];

export function registerFeatures(ctx: ServerContext): ServerCapabilities {
  const caps: ServerCapabilities = {};
  for (const feature of FEATURES) Object.assign(caps, feature(ctx));
  return caps;
}
