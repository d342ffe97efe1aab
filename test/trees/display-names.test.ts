import { loadTrees } from '../../bot/trees/loader';
import { createKnowledge } from '../../knowledge';
import { DIALOGS_DIR } from '../../app/runtime';
import { orientationText } from '../../bot/engine/render';
import { displayProblems } from '../../bot/trees/truth/names';
import type { Reply } from '../../bot/types';
import type { Orientation } from '../../knowledge/types';
import { CAPABILITIES } from '../../channels/capabilities';
import { render } from '../../channels/render/render';

// Every need, curated or generated, as a person reads it on the web chat (reply text, choice
// buttons, the orientation card) and by SMS: no body that no longer exists under that name,
// and no markup shown raw (« ** »).

const knowledge = createKnowledge();
const { trees } = loadTrees(DIALOGS_DIR, knowledge);
const now = new Date('2026-11-30T10:00:00+01:00');

/** What the web chat shows of a reply: its text, its buttons and its card. */
function webTexts(reply: Reply): string[] {
  const card = (o: Orientation) => [
    o.title,
    o.why,
    ...o.bring,
    o.online?.label ?? '',
    ...o.services.flatMap((s) => [s.name, s.why ?? '', s.missingData ?? '']),
    ...o.sources.map((s) => s.title ?? ''),
  ];
  return [reply.text, ...(reply.choices ?? []).map((c) => c.label), ...(reply.orientation ? card(reply.orientation) : [])];
}

const needs = trees!.intents.map((intent) => {
  const replies: Reply[] = [
    ...Object.values(intent.questions).map((q) => ({ text: q.text, choices: q.choices.map((c) => ({ label: c.label, value: c.label })) })),
    ...Object.values(intent.outcomes).map((outcome) => {
      const orientation = knowledge.orientation(intent, outcome, { now });
      return { text: orientationText(orientation), orientation };
    }),
  ];
  const shown = [intent.title, ...replies.flatMap(webTexts), ...render(replies, CAPABILITIES.sms).map((m) => m.text)];
  return { id: intent.id, problems: shown.flatMap(displayProblems).map((p) => p.found) };
});

test('every need of the bundled trees is rendered', () => {
  expect(needs.length).toBeGreaterThan(2000);
});

test('no need shows an obsolete name or raw markup, on the web or by SMS', () => {
  expect(needs.filter((n) => n.problems.length > 0)).toEqual([]);
});

test('the check itself finds an obsolete name, raw markup, and accepts « ex- »', () => {
  expect(displayProblems('**Formulaire** à envoyer à la DRJSCS').map((p) => p.found)).toEqual(['DRJSCS', '**']);
  expect(displayProblems('Huissier de justice')).toHaveLength(1);
  expect(displayProblems('Akto (ex-Agefos PME), Complémentaire santé solidaire (ex-CMU-C)')).toEqual([]);
});
