/**
 * Registers the language features. Each feature lives in its own handler file and returns
 * the capabilities it adds.
 */
import { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { scheduleFeature } from './schedule';
import { codeActionsFeature } from './codeActions';
import { completionFeature } from './completion';
import { hoverFeature } from './hover';
import { navigationFeature } from './navigation';
import { symbolsFeature } from './symbols';
import { inlayHintsFeature } from './inlayHints';
import { exportFeature } from './export';
import { planFeature } from './plan';
import { importFeature } from './import';
import { formatFeature } from './format';
import { rescheduleFeature } from './reschedule';

type Feature = (ctx: ServerContext) => ServerCapabilities;

const FEATURES: Feature[] = [
  scheduleFeature,
  codeActionsFeature,
  completionFeature,
  hoverFeature,
  navigationFeature,
  symbolsFeature,
  inlayHintsFeature,
  exportFeature,
  planFeature,
  importFeature,
  formatFeature,
  rescheduleFeature,
];

export function registerFeatures(ctx: ServerContext): ServerCapabilities {
  const caps: ServerCapabilities = {};
  for (const feature of FEATURES) Object.assign(caps, feature(ctx));
  return caps;
}
