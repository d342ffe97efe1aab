import { orientationText } from '../../bot/engine/render';
import { outcomePath, problem, type Rule } from '../../bot/trees/lint';
import type { TreeProblem } from '../../bot/trees/loader';
import { CAPABILITIES } from '../capabilities';
import { gsm7Segments, toGsm7 } from '../render/gsm7';
import { essentialSegments } from '../render/render';

// The SMS channel's check of the trees, run by `npm run validate` and the agent console:
// every answer must fit the segments a basic phone joins (CAPABILITIES.sms.maxSegments).
const MAX_SEGMENTS = CAPABILITIES.sms.maxSegments ?? 1;

/** Replies longer than three SMS: costly, and cut or hard to read on a basic phone. */
export const smsFit: Rule = ({ trees, knowledge, now, locator }) =>
  trees.intents.flatMap((intent) => {
    const problems: TreeProblem[] = [];
    for (const outcome of Object.values(intent.outcomes)) {
      const orientation = knowledge.orientation(intent, outcome, { now });
      const segments = essentialSegments({ text: orientationText(orientation), orientation }, CAPABILITIES.sms);
      if (segments > MAX_SEGMENTS) {
        problems.push(
          problem(
            locator.find(outcome.pos, intent.id, [...outcomePath(intent, outcome.id), 'why']),
            'warning',
            intent,
            `sur SMS, le résultat « ${outcome.id} » (titre, services, « why » et « bring ») prend ${segments} SMS (${MAX_SEGMENTS} au plus) : une partie sera coupée sur les téléphones simples. Raccourcissez « why » ou « bring ».`,
          ),
        );
      }
    }
    for (const question of Object.values(intent.questions)) {
      const text = toGsm7([question.text, ...question.choices.map((c, i) => `${i + 1}. ${c.label}`)].join('\n'));
      const segments = gsm7Segments(text);
      if (segments > MAX_SEGMENTS) {
        problems.push(
          problem(
            question.pos,
            'warning',
            intent,
            `la question « ${question.id} » et ses réponses font ${text.length} caractères, soit ${segments} SMS (${MAX_SEGMENTS} au plus).`,
          ),
        );
      }
    }
    return problems;
  });
