// The single source of truth for the YAML intent-tree format: the validator walks it and
// scripts/schema-doc.ts prints it for dialogs/README.md. Descriptions are for agents, in French.

export type FieldType =
  | { kind: 'text' }
  | { kind: 'texts' }
  | { kind: 'boolean' }
  | { kind: 'date' }
  /** emergency signals: texts in the small pattern language of bot/safety/pattern.ts */
  | { kind: 'signals' }
  | { kind: 'object'; shape: string }
  | { kind: 'list'; shape: string }
  | { kind: 'map'; shape: string };

export interface Field {
  type: FieldType;
  required?: boolean;
  doc: string;
}

export type Shape = Record<string, Field>;

const text = { kind: 'text' } as const;
const texts = { kind: 'texts' } as const;
const boolean = { kind: 'boolean' } as const;
const signals = { kind: 'signals' } as const;

export const SHAPES: Record<string, Shape> = {
  file: {
    theme: { type: text, required: true, doc: 'identifiant court du thème, en minuscules (ex. « identite »)' },
    title: { type: text, required: true, doc: "nom du thème montré aux personnes (ex. « Papiers d'identité »)" },
    intents: { type: { kind: 'list', shape: 'intent' }, required: true, doc: 'les besoins de ce thème' },
    generated: { type: boolean, doc: 'fichier produit par « npm run import:service-public » : ne pas le modifier à la main' },
    signal_groups: {
      type: { kind: 'list', shape: 'signal_group' },
      doc: 'groupes de mots des signaux d\u2019urgence, utilisables dans un signal par « @nom » (voir « Les signaux d\u2019urgence »)',
    },
    past_signals: {
      type: signals,
      doc: 'signaux d\u2019un récit qui ne se passe pas maintenant (« il y a 5 ans », un fait divers, une guérison) : un signal d\u2019urgence ne compte alors plus, sauf si un « now_signals » est là aussi',
    },
    now_signals: {
      type: signals,
      doc: 'signaux qui disent que cela se passe maintenant (« en ce moment », « encore ») : ils l\u2019emportent sur « past_signals »',
    },
    figurative_signals: {
      type: signals,
      doc: 'expressions imagées (« mort de rire », « à n\u2019en plus finir ») : leurs mots ne comptent pour aucun signal d\u2019urgence, le reste du message si',
    },
    question_signals: {
      type: signals,
      doc: 'la personne demande une démarche, un droit, ou imagine un cas (« comment porter plainte », « que faire si ») : un signal d\u2019urgence fait d\u2019abord demander « Êtes-vous en danger maintenant ? », un signal incertain ne compte plus, sauf si un « now_signals » est là',
    },
    negations: { type: texts, doc: 'mots qui nient un signal d\u2019urgence quand ils le précèdent ou s\u2019y glissent (« pas », « jamais »)' },
  },
  signal_group: {
    name: { type: text, required: true, doc: 'nom du groupe, en minuscules (ex. « conjoint »), écrit « @conjoint » dans un signal' },
    words: { type: texts, required: true, doc: 'les mots du groupe, un mot chacun ; « mot* » pour tous les mots qui commencent ainsi' },
  },
  intent: {
    id: { type: text, required: true, doc: 'identifiant unique du besoin, en minuscules avec des _ (ex. « cni_perdue »)' },
    title: { type: text, required: true, doc: 'le besoin en quelques mots, tel que la personne le reconnaît' },
    keywords: { type: texts, doc: 'mots ou expressions qui suffisent à reconnaître le besoin (ex. « carte vitale »)' },
    synonyms: { type: texts, doc: 'autres façons de le dire, y compris familières (ex. « viré » pour licencié)' },
    situations: {
      type: texts,
      doc: 'situations que la démarche distingue (ex. « À Paris », « En première demande ») : des réponses à ses questions plutôt que des noms du besoin, elles comptent moins que les synonymes',
    },
    examples: { type: texts, doc: 'phrases entières comme les écrivent les personnes' },
    exclude: { type: texts, doc: 'mots qui montrent que ce n\u2019est pas ce besoin (ex. « étranger »)' },
    urgent: {
      type: boolean,
      doc: 'urgence : la réponse passe avant toute autre question. Un besoin urgent est reconnu par ses « signals », pas par keywords, synonyms ni examples',
    },
    signals: { type: signals, doc: 'besoin urgent : situations qui suffisent à donner le numéro tout de suite (voir « Les signaux d\u2019urgence »)' },
    unsure_signals: { type: signals, doc: 'besoin urgent : situations qui font demander d\u2019abord « Êtes-vous en danger maintenant ? »' },
    not_signals: { type: signals, doc: 'besoin urgent : situations qui montrent que ce n\u2019est pas cette urgence (« tombée enceinte », « feu rouge »)' },
    start: { type: text, doc: 'première étape : une question ou un résultat (par défaut la première question)' },
    questions: { type: { kind: 'map', shape: 'question' }, doc: 'questions de suivi, par identifiant' },
    outcomes: { type: { kind: 'map', shape: 'outcome' }, doc: 'résultats possibles, par identifiant' },
    outcome: { type: { kind: 'object', shape: 'outcome' }, doc: "le résultat, quand il n'y a pas de question à poser" },
  },
  question: {
    text: { type: text, required: true, doc: 'la question, courte, au vouvoiement' },
    choices: { type: { kind: 'list', shape: 'choice' }, required: true, doc: 'les réponses proposées (2 au moins)' },
  },
  choice: {
    label: { type: text, required: true, doc: 'la réponse telle qu\u2019elle est affichée (ex. « En France »)' },
    synonyms: { type: texts, doc: 'autres façons de répondre (ex. « ici », « métropole »)' },
    next: { type: text, required: true, doc: 'identifiant de la question ou du résultat qui suit' },
  },
  outcome: {
    services: { type: texts, required: true, doc: 'identifiants des services, le plus probable en premier (voir la liste des services)' },
    why: { type: text, required: true, doc: 'pourquoi ce service, en une phrase simple' },
    bring: { type: texts, doc: 'ce qu\u2019il faut apporter' },
    online: { type: { kind: 'object', shape: 'link' }, doc: 'la démarche en ligne officielle, quand elle existe' },
    source: {
      type: { kind: 'object', shape: 'source' },
      required: true,
      doc: 'd\u2019où vient l\u2019information : une fiche service-public.fr (fiche) ou une adresse (url), sa date (date) et la date de vérification (verified). Tout résultat doit citer sa source',
    },
    urgent: { type: boolean, doc: 'numéro d\u2019urgence' },
    ask_commune: { type: boolean, doc: 'demander la commune, car le bon guichet en dépend' },
  },
  link: {
    label: { type: text, required: true, doc: 'texte du lien (ex. « Pré-demande en ligne »)' },
    url: { type: text, required: true, doc: 'adresse officielle, commençant par https://' },
  },
  source: {
    fiche: { type: text, doc: 'numéro de fiche service-public.fr (ex. « F1341 »)' },
    url: { type: text, doc: 'adresse de la source' },
    title: { type: text, doc: 'nom de la source (ex. « Service-Public.fr »)' },
    date: { type: { kind: 'date' }, required: true, doc: 'date de la source elle-même (la date de la fiche), AAAA-MM-JJ' },
    verified: {
      type: { kind: 'date' },
      doc: 'date à laquelle une personne a vérifié que la règle est toujours vraie aujourd\u2019hui, AAAA-MM-JJ (à refaire tous les 12 mois)',
    },
  },
};
