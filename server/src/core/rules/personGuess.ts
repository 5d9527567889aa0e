/**
 * The person an unknown id was probably meant to name (the "did you mean" of `unknown-person`,
 * and whom `unused-person` then leaves alone). A guess depends only on the id and the people
 * ids, so it is made once per id and kept across edits while the people ids are the same; the
 * people are indexed once for all the guesses of a check.
 */
import { SimilarIndex } from '../features/similar';
import { RuleContext } from './context';

interface Guesses {
  /** The people ids (a memo token) the guesses were made among. */
  among?: object;
  index?: SimilarIndex;
  byId: Map<string, string | undefined>;
}

/** `(id) => guess` for this check. */
export function personGuesser(ctx: RuleContext): (id: string) => string | undefined {
  const state = ctx.memo.own<Guesses>('personGuess', () => ({ byId: new Map() }));
  const among = ctx.memo.keysToken('personGuess.people', ctx.model.people);
  if (state.among !== among) {
    state.among = among;
    state.index = undefined;
    state.byId = new Map();
  }
  return (id) => {
    if (!state.byId.has(id)) state.byId.set(id, (state.index ??= new SimilarIndex(ctx.model.people.keys())).closest(id));
    return state.byId.get(id);
  };
}
