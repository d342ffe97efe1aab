// French stemming (natural's Porter stemmer), imported directly: the package index loads
// storage back-ends that print to stdout, which would break the line-per-message CLI.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const porterFr: { stem(word: string): string } = require('natural/lib/natural/stemmers/porter_stemmer_fr');

const cache = new Map<string, string>();

/**
 * Where the stemmer errs on words citizens use a lot: « mari » (husband) and « marier » (to
 * marry) both become « mari », so the marriage family gets its own stem; « créé », too short
 * to be stemmed, must meet « créer »; « partie » and « collective » are other words than
 * « partir » and « collecte ».
 */
const STEM_EXCEPTIONS: Record<string, string> = {
  // Labour words the stemmer splits into families of their own: « démissionner » (28 of the real
  // labour queries) never met « démission », nor « licencié » the « licenciement ». (« payé » is left
  // apart from the « paie »: « je paie mes impôts » is no payslip.)
  ...family('demission', ['demission', 'demissions', 'demissionner', 'demissionne', 'demissionnee', 'demissionnes', 'demissionnees']),
  ...family('licenci', ['licencie', 'licenciee', 'licencies', 'licenciees', 'licencier', 'licenciement', 'licenciements']),
  ...family('embauch', ['embauche', 'embauchee', 'embauches', 'embauchees', 'embaucher']),
  marier: 'mariag',
  marie: 'mariag',
  mariee: 'mariag',
  maries: 'mariag',
  mariees: 'mariag',
  mariage: 'mariag',
  mariages: 'mariag',
  cree: 'cre',
  creee: 'cre',
  creees: 'cre',
  // « une partie civile » is not « partir »; « une convention collective » is not « la collecte »
  partie: 'partie',
  parties: 'partie',
  collectif: 'collectif',
  collectifs: 'collectif',
  collective: 'collectif',
  collectives: 'collectif',
  ...family('loyer', ['loyer', 'loyers']), // the stemmer makes « loyer » the « loi », and « loyers » another word
  ...family('delai', ['delai', 'delais']), // a « délai » is no « délit »
  ...family('delit', ['delit', 'delits']),
  ...family('rendez', ['rendez']), // a « rendez-vous » is not « rendre »
  ...family('cours', ['cours']), // « en cours » is not the « cour » d'appel
  ...family('courant', ['courant', 'courante', 'courants', 'courantes']),
  ...family('isolation', ['isolation', 'isolations']), // insulating a home is not living alone (« isolé »)
  ...family('dons', ['don', 'dons']), // a gift is not « donner »
  ...family('coupure', ['coupe', 'coupee', 'coupees', 'coupes', 'couper', 'coupent', 'coupure', 'coupures']), // a cut is no blow (« coups »)
  ...family('auditif', ['auditif', 'auditive', 'auditifs', 'auditives']), // hearing is not a hearing (« audition ») or an audit
  ...family('audition', ['audition', 'auditions']),
  ...family('fermement', ['fermement']), // firmly is no farm (« ferme »)
  ...family('commandement', ['commandement', 'commandements']), // a bailiff's order to pay is no purchase (« commande »)
  // Nouns in « -ée » that are other words than the verb they come from (inflectionBase): the
  // school year's « rentrée » is not « rentrer », « données » (data) not « donner ».
  ...family('rentree', ['rentree', 'rentrees']),
  ...family('donnees', ['donnee', 'donnees']),
  ...family('portee', ['portee', 'portees']),
  ...family('armee', ['armee', 'armees']),
  ...family('tournee', ['tournee', 'tournees']),
  ...family('fumee', ['fumee', 'fumees']),
};

/** One word family's forms, each to the family's stem. */
function family(familyStem: string, forms: string[]): Record<string, string> {
  return Object.fromEntries(forms.map((form) => [form, familyStem]));
}

export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    const base = inflectionBase(word);
    // Short words and acronyms (cni, caf, rsa) are already their own stem.
    stemmed = STEM_EXCEPTIONS[word] ?? STEM_EXCEPTIONS[base] ?? (base.length <= 4 || /\d/.test(base) ? base : porterFr.stem(base));
    if (cache.size < 50_000) cache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * The form the stemmer reads: a feminine participle (« handicapée », « refusée », « expulsée »)
 * had a stem apart from the masculine (« handicapé ») and the infinitive, so that a woman telling
 * her situation met fewer of the needs' words than a man.
 */
function inflectionBase(word: string): string {
  return word.length > 5 && /ees?$/.test(word) ? word.replace(/es?$/, '') : word;
}
