/**
 * `programme/plan` ({uri, replan?} → placement, clashes and the edits that write it): the
 * "Place Tracks into Blocks" command asks for it and applies the edits when the user accepts.
 * The solver is the one the server was started with (none in a web worker: the answer says so).
 */
import { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import { PLAN_METHOD, PlanParams, PlanResultView } from '../../protocol';
import { planProgramme } from '../../core';

export function planFeature(ctx: ServerContext): ServerCapabilities {
  ctx.connection.onRequest(PLAN_METHOD, async (params: PlanParams): Promise<PlanResultView> => {
    const empty: PlanResultView = { version: 0, placements: [], clashes: [], unplaced: [], moves: 0, optimal: false, edits: [] };
    try {
      const document = ctx.documents.get(params.uri);
      if (!document) return { ...empty, errors: [`${params.uri} is not open`] };
      if (!ctx.solver)
        return {
          ...empty,
          version: document.version,
          errors: ['placing tracks needs the solver of the desktop extension (or `programme plan` on the command line)'],
        };
      const file = ctx.workspace.get(document);
      if (!file.analysis) return { ...empty, version: document.version, errors: [file.tooLarge?.message ?? 'the file is too large'] };
      const result = await planProgramme(file.analysis, ctx.solver, { replan: !!params.replan, timeLimitSeconds: 120 });
      if (result.blockers.length) return { ...empty, version: document.version, errors: result.blockers };
      return {
        version: document.version,
        placements: result.placements.map((p) => ({
          track: p.track,
          title: p.title,
          room: p.block.room,
          when: p.block.when,
          change: p.change,
          from: p.from ? `${p.from.room}, ${p.from.when}` : undefined,
        })),
        clashes: result.clashes.map((c) => ({ person: c.person, name: c.name, tracks: c.tracks, when: c.when })),
        unplaced: result.unplaced,
        moves: result.moves,
        optimal: result.optimal,
        edits: result.edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText })),
      };
    } catch (error) {
      ctx.connection.console.error(`plan failed: ${error instanceof Error ? error.stack : String(error)}`);
      return { ...empty, errors: ['internal error: see the output channel'] };
    }
  });
  return {};
}
