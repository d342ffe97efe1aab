import { loadBrain } from '../../app/runtime';
import { mermaidGraph } from '../../bot/trees/graph';

const { knowledge, registry } = loadBrain();

describe('npm run graph', () => {
  test('draws the question, one arrow per answer, and each result with its services', () => {
    const graph = mermaidGraph(registry.current.trees.byId.get('aide_logement')!, knowledge);
    expect(graph.split('\n')).toEqual(
      expect.arrayContaining([
        'flowchart TD',
        '  start --> q_regime',
        `  q_regime{"Travaillez-vous dans l'agriculture (exploitant ou salarié agricole) ?"}`,
        '  q_regime -->|"Non"| o_caf',
        `  q_regime -->|"Oui, dans l'agriculture"| o_msa`,
        '  o_caf["caf : Caisse d\'allocations familiales (CAF)"]',
        '  o_msa["msa : Mutualité sociale agricole (MSA)"]',
      ]),
    );
  });

  test('marks emergency results and keeps quotes from breaking the diagram', () => {
    const intent = { ...registry.current.trees.byId.get('danger_immediat')!, title: 'Danger "immédiat" <maintenant>' };
    const graph = mermaidGraph(intent, knowledge);
    expect(graph).toContain('start(["Besoin : Danger #quot;immédiat#quot; #lt;maintenant#gt;"])');
    expect(graph).toContain('  class o_resultat urgent');
  });
});
