// The words of French as a dictionary lists them (an-array-of-french-words, MIT, about 336,000
// forms). A word people typed that is one of them is not a slip of another one: « voile » is
// not « vole », whatever the trees know.
import frenchWords from 'an-array-of-french-words/index.json';
import { foldText } from '../../knowledge/text';

let lexicon: Set<string> | undefined;

/** French words, folded; built once per process, on the first call. */
export function frenchLexicon(): ReadonlySet<string> {
  lexicon ??= new Set((frenchWords as string[]).map(foldText));
  return lexicon;
}
