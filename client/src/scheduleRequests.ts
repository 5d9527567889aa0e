/**
 * Asks the server for a document's schedule, saying which version's view is already here: the
 * server then answers with what changed (a `ScheduleDelta`), and the whole view is made again
 * here from the last one. A large programme's view is megabytes of JSON; a keystroke changes a
 * few slots of it.
 */
import { applyScheduleDelta, isScheduleDelta, ScheduleParams, ScheduleDeltaResult, ScheduleView } from '../../server/src/protocol';

export type SendScheduleRequest = (params: ScheduleParams) => Promise<ScheduleDeltaResult>;

export function scheduleRequester(send: SendScheduleRequest): (uri: string) => Promise<ScheduleView | null> {
  /** The last whole view of each document asked for. */
  const held = new Map<string, ScheduleView>();
  return async (uri) => {
    const have = held.get(uri);
    let result = await send({ uri, have: have?.version });
    let view: ScheduleView | null | undefined;
    if (isScheduleDelta(result)) {
      view = have && applyScheduleDelta(result, have);
      // Not against the view held here (two answers crossed): ask for the whole view.
      if (!view) result = await send({ uri });
    }
    if (!isScheduleDelta(result)) view = result;
    if (view) held.set(uri, view);
    else held.delete(uri);
    return view ?? null;
  };
}
