import { orientationText, glossed } from '../../bot/engine/render';
import { outcomePath, problem, type Rule } from '../../bot/trees/lint';
import type { TreeProblem } from '../../bot/trees/loader';
import type { Trees } from '../../bot/trees/types';
import type { LintContext } from '../../bot/trees/lint';
import { MESSAGES } from '../../bot/messages';
import type { LanguagePack } from '../../bot/lang/pack';
import { CAPABILITIES } from '../capabilities';
import { smsSegmentCount } from '../render/sms-text';
import { essentialSegments } from '../render/render';

// The SMS channel's check of the trees, run by `npm run validate` and the agent console:
// every answer must fit the segments a basic phone joins (CAPABILITIES.sms.maxSegments), in
// every language: GSM-7 for French or English, UCS-2 (70 characters a segment, 67 joined)
// for Arabic, Cyrillic or Chinese.
const MAX_SEGMENTS = CAPABILITIES.sms.maxSegments ?? 1;

/** Replies longer than three SMS: costly, and cut or hard to read on a basic phone. */
export const smsFit: Rule = (ctx) => [
  ...treeFit(ctx, ctx.trees, undefined),
  ...[...(ctx.trees.languages?.values() ?? [])].flatMap(({ trees, pack, translated }) => [
    ...treeFit(ctx, { ...trees, intents: trees.intents.filter((i) => translated.has(i.id)) }, pack),
    ...fixedTextFit(pack),
  ]),
];

/** A translated fixed text (help, welcome…) in a script SMS sends as UCS-2 is three times shorter a segment than French. */
function fixedTextFit(pack: LanguagePack): TreeProblem[] {
  return Object.entries(pack.messagePositions).flatMap(([key, pos]) => {
    const value = pack.messages[key as keyof typeof pack.messages];
    // a template's placeholder (a city, a line) is filled with a word of a dozen letters
    const text = typeof value === 'function' ? (value as (v: string) => string)('x'.repeat(12)) : String(value);
    const segments = smsSegmentCount(text);
    if (!pos || segments <= MAX_SEGMENTS) return [];
    const message = `langue « ${pack.code} » : sur SMS, le message « ${key} » fait ${text.length} caractères, soit ${segments} SMS (${MAX_SEGMENTS} au plus ; ${UCS2_NOTE}). Raccourcissez-le.`;
    return [{ ...pos, severity: 'warning' as const, message }];
  });
}

const UCS2_NOTE = 'hors alphabet latin, 70 caractères par SMS, 67 quand ils sont joints';

function treeFit({ knowledge, now, locator }: LintContext, trees: Trees, pack: LanguagePack | undefined): TreeProblem[] {
  const say = pack?.messages ?? MESSAGES;
  const where = pack ? ` (${pack.name})` : '';
  return trees.intents.flatMap((intent) => {
    const problems: TreeProblem[] = [];
    for (const outcome of Object.values(intent.outcomes)) {
      const orientation = glossed(knowledge.orientation(intent, outcome, { now, words: pack?.dates }), pack);
      const segments = essentialSegments(
        { text: orientationText(orientation, say, pack?.code), orientation, ...(pack ? { lang: pack.code } : {}) },
        CAPABILITIES.sms,
      );
      if (segments > MAX_SEGMENTS) {
        problems.push(
          problem(
            pack ? outcome.pos : locator.find(outcome.pos, intent.id, [...outcomePath(intent, outcome.id), 'why']),
            'warning',
            intent,
            `sur SMS${where}, le résultat « ${outcome.id} » (titre, services, « why » et « bring ») prend ${segments} SMS (${MAX_SEGMENTS} au plus) : une partie sera coupée sur les téléphones simples. Raccourcissez « why » ou « bring ».`,
          ),
        );
      }
    }
    for (const question of Object.values(intent.questions)) {
      const text = [question.text, ...question.choices.map((c, i) => `${i + 1}. ${c.label}`)].join('\n');
      const segments = smsSegmentCount(text);
      if (segments > MAX_SEGMENTS) {
        problems.push(
          problem(
            question.pos,
            'warning',
            intent,
            `la question « ${question.id} »${where} et ses réponses font ${text.length} caractères, soit ${segments} SMS (${MAX_SEGMENTS} au plus).`,
          ),
        );
      }
    }
    return problems;
  });
}
