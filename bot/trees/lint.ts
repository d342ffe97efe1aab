import type { Knowledge } from '../../knowledge/types';
import type { Matcher } from '../nlu/matcher';
import { analyze } from '../nlu/analyze';
import { foldText } from '../../knowledge/text';
import { THRESHOLDS } from '../engine/understand';
import type { TreeProblem } from './loader';
import type { TreeLocator } from './locate';
import type { Intent, Position, Trees } from './types';

// Checks that need the whole loaded trees: what the loader cannot see file by file.
// Each rule is a function of the trees; messages are for agents, in French. Checks that
// belong to a channel (an answer fits three SMS) are the channel's, passed in by whoever
// validates (see channels/index.ts).

export interface LintContext {
  trees: Trees;
  matcher: Matcher;
  knowledge: Knowledge;
  locator: TreeLocator;
  /** the date orientations are rendered at (opening hours change the text) */
  now: Date;
}

export type Rule = (ctx: LintContext) => TreeProblem[];

export const problem = (pos: Position, severity: TreeProblem['severity'], intent: Intent, message: string): TreeProblem => ({
  ...pos,
  severity,
  message: `besoin « ${intent.id} » : ${message}`,
});

/** Questions and outcomes no path from the start leads to. */
const unreachableNodes: Rule = ({ trees }) =>
  trees.intents.flatMap((intent) => {
    const reached = reachableFrom(intent, intent.start);
    const nodes = [...Object.values(intent.questions), ...Object.values(intent.outcomes)];
    return nodes
      .filter((node) => !reached.has(node.id))
      .map((node) =>
        problem(
          node.pos,
          'warning',
          intent,
          `« ${node.id} » n'est jamais atteint : aucune réponse n'y mène depuis « ${intent.start} ». Reliez-le ou supprimez-le.`,
        ),
      );
  });

/** Questions from which no answer ever leads to a result: the person would go round in circles. */
const deadEnds: Rule = ({ trees }) =>
  trees.intents.flatMap((intent) =>
    Object.values(intent.questions)
      .filter((question) => ![...reachableFrom(intent, question.id)].some((id) => id in intent.outcomes))
      .map((question) =>
        problem(
          question.pos,
          'error',
          intent,
          `impasse : depuis la question « ${question.id} », aucune réponse ne mène à un résultat (les réponses tournent en rond).`,
        ),
      ),
  );

function reachableFrom(intent: Intent, start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const choice of intent.questions[id]?.choices ?? []) queue.push(choice.next);
  }
  return seen;
}

const PHRASE_FIELDS = ['keywords', 'synonyms', 'situations', 'examples'] as const;

/**
 * A keyword, synonym or example that the matcher gives to another need at least as well as
 * to its own: a person writing it would be sent elsewhere, or asked to choose.
 * Generated trees are left out: they are many, and they lose to curated ones anyway.
 */
const sharedPhrases: Rule = ({ trees, matcher, locator }) =>
  trees.intents
    .filter((intent) => !intent.generated)
    .flatMap((intent) =>
      PHRASE_FIELDS.flatMap((field) =>
        intent[field].flatMap((phrase, index) => {
          const { candidates } = matcher.match(phrase, 5);
          const own = candidates.find((c) => c.intent === intent);
          if (!own || own.score < THRESHOLDS.understood) return [];
          const rival = candidates.find((c) => c.intent !== intent && c.score >= own.score - THRESHOLDS.ambiguityGap);
          if (!rival) return [];
          const how = rival.score > own.score ? 'mieux' : 'autant';
          return [
            problem(
              locator.find(intent.pos, intent.id, [field, index]),
              'warning',
              intent,
              `« ${phrase} » (${field}) correspond ${how} au besoin « ${rival.intent.id} » (score ${rival.score.toFixed(2)}) qu'à celui-ci (${own.score.toFixed(2)}). Précisez la phrase, ou ajoutez un mot d'exclusion (exclude) à l'autre besoin.`,
            ),
          ];
        }),
      ),
    );

/** needs (this one included) that use a word for a phrase read as that word alone to be a risk */
const MIN_SHARING_NEEDS = 3;
/**
 * A phrase of several words that the matcher reads as one (« voir mes enfants » is « enfants »,
 * « job d'été » is « job »: the others are stop words) when other needs use that word too: any
 * message with it covers the phrase fully and is taken for this need. A phrase that is an
 * acronym's long form (« caisse d'allocations familiales ») or a word no other need uses
 * (« se pacser ») is fine. Generated trees are left out, as above.
 */
const oneWordPhrases: Rule = ({ trees, locator }) => {
  const curated = trees.intents.filter((intent) => !intent.generated);
  // each curated phrase read once, for the count of needs by word and for the check
  const read = curated.flatMap((intent) =>
    PHRASE_FIELDS.flatMap((field) => intent[field].map((phrase, index) => ({ intent, field, index, phrase, ...analyze(phrase) }))),
  );
  const needsOf = new Map<string, Set<Intent>>();
  for (const { intent, terms } of read) for (const term of terms) needsOf.set(term.stem, (needsOf.get(term.stem) ?? new Set()).add(intent));
  return read.flatMap(({ intent, field, index, phrase, normalized, terms }) => {
    const stems = new Set(terms.map((t) => t.stem));
    if (normalized.split(' ').length < 2 || stems.size !== 1 || (needsOf.get(terms[0].stem)?.size ?? 0) < MIN_SHARING_NEEDS) return [];
    return [
      problem(
        locator.find(intent.pos, intent.id, [field, index]),
        'warning',
        intent,
        `« ${phrase} » (${field}) se lit comme le seul mot « ${terms[0].word} », que d'autres besoins emploient : tout message qui contient ce mot y correspond pleinement. Ajoutez un mot qui précise le besoin.`,
      ),
    ];
  });
};

/** Two answers of one question that read the same once accents and case are set aside. */
const collidingChoices: Rule = ({ trees, locator }) =>
  trees.intents.flatMap((intent) =>
    Object.values(intent.questions).flatMap((question) => {
      const owners = new Map<string, number>();
      const problems: TreeProblem[] = [];
      question.choices.forEach((choice, index) => {
        [choice.label, ...choice.synonyms].forEach((phrase, k) => {
          const folded = foldText(phrase);
          const other = owners.get(folded);
          if (other !== undefined && other !== index) {
            const path = ['questions', question.id, 'choices', index, ...(k === 0 ? ['label'] : ['synonyms', k - 1])];
            problems.push(
              problem(
                locator.find(question.pos, intent.id, path),
                'error',
                intent,
                `dans la question « ${question.id} », « ${phrase} » (réponse ${index + 1}) se confond avec la réponse ${other + 1} (« ${question.choices[other].label} ») : le robot ne saurait pas laquelle la personne a choisie.`,
              ),
            );
          } else if (other === undefined) owners.set(folded, index);
        });
      });
      return problems;
    }),
  );

/** Where an outcome sits: the single `outcome:` block, or an entry of `outcomes:`. */
export const outcomePath = (intent: Intent, id: string) =>
  id === 'resultat' && Object.keys(intent.questions).length === 0 && Object.keys(intent.outcomes).length === 1 ? ['outcome'] : ['outcomes', id];

const RULES: Rule[] = [unreachableNodes, deadEnds, sharedPhrases, oneWordPhrases, collidingChoices];

export function lintTrees(ctx: LintContext, channelRules: Rule[] = []): TreeProblem[] {
  return [...RULES, ...channelRules].flatMap((rule) => rule(ctx));
}
