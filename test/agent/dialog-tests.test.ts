import { createKnowledge } from '../../knowledge';
import { buildMatcher } from '../../bot/nlu/matcher';
import { loadTreeSources } from '../../bot/trees/loader';
import { coverage, formatCoverage, formatTranscript, parseDialogTests, runConversation } from '../../app/agent/dialog-tests';
import { formatNaturalReplay, replayNaturally, withTypo } from '../../app/agent/natural-answers';

const knowledge = createKnowledge();
const { trees } = loadTreeSources(
  [
    {
      file: 'dialogs/logement.yaml',
      text: `theme: logement
title: Logement
intents:
  - id: aide_logement
    title: Aide au logement
    keywords: [apl, aide au logement]
    questions:
      regime:
        text: Travaillez-vous dans l'agriculture ?
        choices:
          - {label: Non, next: caf}
          - {label: Oui, next: msa}
    outcomes:
      caf:
        services: [caf]
        why: La CAF verse les aides au logement.
        source: {fiche: F12006, date: 2026-11-29}
      msa:
        services: [msa]
        why: La MSA verse les aides au régime agricole.
        source: {fiche: F12006, date: 2026-11-29}
`,
    },
  ],
  knowledge,
);
const ctx = { trees: trees!, matcher: buildMatcher(trees!.intents), knowledge, now: new Date('2026-11-30T10:00:00Z') };

const tests = (text: string) => parseDialogTests('test/conversations/essai.yaml', text);

/** a test that passes: the need, then « non » to the question, and the CAF's result */
const ASKS_FOR_APL = `conversations:
  - name: Une personne demande l'APL
    turns:
      - say: je veux les apl
      - say: non
        expect: {outcome: caf}
`;

describe('conversation tests written by agents', () => {
  test('a failing test shows the whole transcript beside what was expected', () => {
    const [spec] = tests(`conversations:
  - name: Un exploitant agricole demande l'APL
    turns:
      - say: je veux les apl
        expect:
          question: regime
      - say: oui
        expect:
          services: [caf]
`);
    const result = runConversation(spec, ctx);
    expect(result.passed).toBe(false);
    const lines = formatTranscript(result).split('\n');
    expect(lines[0]).toBe("✗ Un exploitant agricole demande l'APL (test/conversations/essai.yaml:2)");
    expect(lines).toContain("    Robot    : Travaillez-vous dans l'agriculture ? [1. Non | 2. Oui]");
    expect(lines).toContain('      attendu (ligne 7) : services: [caf]');
    expect(lines[lines.length - 1]).toBe('      ✗ services attendus : [caf] ; obtenus : [msa]');
  });

  test('coverage counts questions, answers and outcomes, and lists what no test reaches', () => {
    const [spec] = tests(ASKS_FOR_APL);
    const result = runConversation(spec, ctx);
    expect(result.passed).toBe(true);
    const report = coverage(ctx.trees, result.reached);
    expect(report.nodes).toEqual({ reached: 3, total: 5 });
    expect(report.outcomes).toEqual({ reached: 1, total: 2 });
    expect(formatCoverage(report)).toContain('nœuds (questions, réponses, résultats) : 3/5 (60 %)');
    expect(report.missing).toEqual([
      'aide_logement : réponse « Oui » de « regime » (dialogs/logement.yaml:12)',
      'aide_logement : résultat « msa » (dialogs/logement.yaml:18)',
    ]);
  });

  test('a mistake in a test file is reported with its line', () => {
    expect(() => tests(`conversations:\n  - name: Essai\n    turns:\n      - say: bonjour\n        expect:\n          servises: [caf]\n`)).toThrow(
      'test/conversations/essai.yaml:6 champ inconnu « servises » dans « expect: ».',
    );
  });
});

describe('conversation tests replayed with answers as people give them (--natural)', () => {
  const [spec] = tests(ASKS_FOR_APL);

  test('the answer is rewritten, the same way for the same seed, and the bot reaches the same outcome', () => {
    const replays = ['1', '2', '3', '4'].map((seed) => replayNaturally(spec, ctx, seed)!);
    for (const replay of replays) {
      expect(replay.rewrites).toHaveLength(1);
      expect(replay.rewrites[0]).toMatchObject({ turn: 1, from: 'non' });
      expect(replay.rewrites[0].to).not.toBe('non');
      expect(replay.same).toBe(true);
    }
    expect(replayNaturally(spec, ctx, '2')).toEqual(replays[1]);
    expect(formatNaturalReplay(replays[0])).toMatch(/^✓ Une personne demande l'APL/);
  });

  test('a typo is one letter dropped, doubled or swapped in the longest word', () => {
    const typo = withTypo("À l'étranger", 'seed')!;
    expect(typo).toMatch(/^a l /);
    expect(typo).not.toBe('a l etranger');
    expect(Math.abs(typo.length - 'a l etranger'.length)).toBeLessThanOrEqual(1);
    expect(withTypo('Non', 'seed')).toBeUndefined();
  });

  test('a conversation with no answer to a question is not replayed', () => {
    const [single] = tests(`conversations:\n  - name: Un seul message\n    turns:\n      - say: je veux les apl\n`);
    expect(replayNaturally(single, ctx, '1')).toBeUndefined();
  });

  test('an annuaire that does not exist is reported with its line', () => {
    expect(() => tests(`conversations:\n  - name: Essai\n    annuaire: nulle-part.jsonl\n    turns:\n      - say: bonjour\n`)).toThrow(
      /essai.yaml:2 « annuaire: » doit être le chemin/,
    );
  });
});
