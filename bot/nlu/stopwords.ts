// Words that carry no need on their own. Starts from natural's French list (without the
// accents, as text is folded first) and adds the filler of chat messages, and « vers » that
// the list lacks (« vers qui se tourner » is not a « versement »), and « définition », which
// frames a query as « comment » does (« égalité professionnelle définition »). Negations and
// "sans" or "contre" are kept: "sans logement" is a need.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const naturalFr: { words: string[] } = require('natural/lib/natural/util/stopwords_fr');
import { foldText } from '../../knowledge/text';

const KEPT = new Set(['sans', 'contre']);

const CHAT_FILLER = `bonjour bonsoir salut merci svp stp please alors donc voila euh bah ben hein
  aussi tres trop beaucoup bien comment quoi quel quelle quels quelles est ce qu il elle ils elles cest ca
  veux voudrais voudrait souhaite souhaiterais aimerais besoin dois doit faut peux peut pouvez
  savoir sais comment faire fait fais quand ou qui dont tout toute tous toutes deja encore
  madame monsieur mme mr mes ma mon sa son ses voir vers definition`.split(/\s+/);

export const STOPWORDS: ReadonlySet<string> = new Set([...naturalFr.words.map(foldText), ...CHAT_FILLER].filter((w) => w && !KEPT.has(w)));
