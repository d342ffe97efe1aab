// Turns what people type ("Jai perdu ma CNI !!", "c koi le num") into plain lowercase words
// without accents, with SMS spellings spelled out, so that every later step sees one form.
import { foldText } from '../../knowledge/text';

/** SMS and chat spellings, as written by citizens, to the words they stand for. */
const SMS_SPELLINGS: Record<string, string> = {
  jai: 'j ai',
  jsuis: 'je suis',
  chui: 'je suis',
  chuis: 'je suis',
  jsui: 'je suis',
  jsp: 'je ne sais pas',
  jme: 'je me',
  jte: 'je te',
  jveux: 'je veux',
  jpense: 'je pense',
  jpp: 'j en peux plus',
  jsens: 'je sens',
  jen: 'j en',
  jarrive: 'j arrive',
  jvoulais: 'je voulais',
  jpeux: 'je peux',
  jvais: 'je vais',
  jsais: 'je sais',
  jdors: 'je dors',
  bb: 'bebe',
  ke: 'que',
  koi: 'quoi',
  kel: 'quel',
  kelle: 'quelle',
  kan: 'quand',
  qd: 'quand',
  cb: 'combien',
  cbien: 'combien',
  pk: 'pourquoi',
  pq: 'pourquoi',
  pr: 'pour',
  ds: 'dans',
  dc: 'donc',
  vs: 'vous',
  ts: 'tous',
  tt: 'tout',
  tjr: 'toujours',
  tjrs: 'toujours',
  bcp: 'beaucoup',
  pb: 'probleme',
  pbm: 'probleme',
  pblm: 'probleme',
  mm: 'meme',
  mtn: 'maintenant',
  rdv: 'rendez vous',
  ya: 'il y a',
  yavait: 'il y avait',
  g: 'j ai',
  c: 'c est',
  cest: 'c est',
  sa: 'ca',
  ct: 'c etait',
  svp: 's il vous plait',
  stp: 's il te plait',
  bjr: 'bonjour',
  slt: 'salut',
  msg: 'message',
  tel: 'telephone',
  num: 'numero',
  n: 'numero',
  nn: 'non',
  ok: 'oui',
  ouai: 'oui',
  ouais: 'oui',
  wi: 'oui',
  okay: 'oui',
  qqn: 'quelqu un',
  qq: 'quelque',
  qqch: 'quelque chose',
  dmd: 'demande',
  doc: 'document',
  docs: 'documents',
  papié: 'papiers',
  apparte: 'appartement',
  appart: 'appartement',
  proprio: 'proprietaire',
  ado: 'adolescent',
  boulot: 'travail',
  chomdu: 'chomage',
  taf: 'travail',
  asso: 'association',
  assoc: 'association',
  flic: 'police',
  flics: 'police',
  keuf: 'police',
  keufs: 'police',
};

/** Long forms that people also write as acronyms: both become the acronym. */
const ACRONYMS: [string, string][] = [
  ['carte nationale d identite', 'cni'],
  ['aide personnalisee au logement', 'apl'],
  ['allocation de logement familiale', 'alf'],
  ['allocation de logement sociale', 'als'],
  ['revenu de solidarite active', 'rsa'],
  ['allocation aux adultes handicapes', 'aah'],
  ['allocation adulte handicape', 'aah'],
  ['allocation adultes handicapes', 'aah'],
  ['maison departementale des personnes handicapees', 'mdph'],
  ['caisse d allocations familiales', 'caf'],
  ['caisse d allocation familiale', 'caf'],
  ['caisse primaire d assurance maladie', 'cpam'],
  ['allocation personnalisee d autonomie', 'apa'],
  ['complementaire sante solidaire', 'css'],
  ['prestation de compensation du handicap', 'pch'],
  ['reconnaissance de la qualite de travailleur handicape', 'rqth'],
  ['centre communal d action sociale', 'ccas'],
  ['mutualite sociale agricole', 'msa'],
  ['allocation de solidarite aux personnes agees', 'aspa'],
  ['pole emploi', 'france travail'],
  ['ple emploi', 'france travail'],
  ['maison de services au public', 'france services'],
  // Old and new names of the same office or benefit, to the name the trees use, so that a
  // message under either name reaches the same needs. Each change, dated, with its source:
  // docs/names.md.
  // the Assédic paid the unemployment benefit (the ANPE found work): « mes assedic » is the allowance
  ['assedic', 'allocation chomage'],
  ['anpe', 'france travail'],
  ['maison departementale de l autonomie', 'mdph'],
  ['maison de l autonomie', 'mdph'],
  ['mda', 'mdph'],
  ['maison departementale des personnes en situation de handicap', 'mdph'],
  ['maison departementale du handicap', 'mdph'],
  ['maison du handicap', 'mdph'],
  ['rmiste', 'rsa'],
  ['revenu minimum d insertion', 'rsa'],
  ['cmu c', 'css'],
  ['cmuc', 'css'],
  ['cmu complementaire', 'css'],
  ['couverture maladie universelle complementaire', 'css'],
  ['cram', 'carsat'],
  ['accre', 'acre'],
  ['tribunal de grande instance', 'tribunal judiciaire'],
  ['tribunal d instance', 'tribunal judiciaire'],
  ['tgi', 'tribunal judiciaire'],
  ['msap', 'france services'],
  // the last pay slip's sum, not a bank account: « compte » alone pulled bank stories to labour law
  ['solde de tout compte', 'stc'],
  ['allocation de parent isole', 'rsa'],
  ['allocation parent isole', 'rsa'],
];

/**
 * « Se mettre à son compte » is working for oneself; « compte » alone is a bank account, a
 * benefit account or a count. Without the idiom, « la mettre sous tutelle [...] son compte en
 * banque » read as setting up a business.
 */
const OWN_ACCOUNT =
  /(^| )(mettre|mets|met|mis|mise|travailler|travaille|installer|installe|etablir|lancer|suis|etre|est|passer) a (mon|son|ton|notre|votre|leur) (propre )?compte( |$)/g;

const acronymPatterns = ACRONYMS.map(([long, short]) => ({
  /** the long form's first word: a text without it is not searched (most texts hold none) */
  first: `${long.split(' ')[0]} `,
  pattern: new RegExp(`(^| )${long.split(' ').join(' (?:[a-z] )?')}( |$)`, 'g'),
  short,
}));

/**
 * « n » is « numéro » in « le n de la caf », « n 0612… », but the elided « ne » before a vowel
 * in « je n'ai pas », « ce n'est pas », far more common: read as a number, every negation
 * made a story look like a request for a phone number to the matcher. (The emergency
 * detector reads words one by one, its signals written with the same spelling: it keeps it.)
 */
const ELIDED_NE_NEXT = /^[aeiouyh]/;

/**
 * Folded words with SMS spellings spelled out (« jai » -> « j ai »), without the acronym pass;
 * `elisions`: an « n » before a vowel stays the elided « ne » (see ELIDED_NE_NEXT).
 */
export function spelledOut(text: string, elisions = false): string[] {
  const words: string[] = [];
  const folded = foldText(text).split(' ').filter(Boolean);
  for (const [at, word] of folded.entries()) {
    const elided = elisions && word === 'n' && ELIDED_NE_NEXT.test(folded[at + 1] ?? '');
    const spelled = elided ? undefined : smsSpelling(word);
    if (spelled === undefined) words.push(word);
    else words.push(...spelled.split(' '));
  }
  return words;
}

/** What a folded word stands for when it is an SMS spelling (« jai » -> « j ai »); never a property of every object (« constructor »). */
export const smsSpelling = (word: string): string | undefined => smsSpellings.get(word);

const smsSpellings = new Map(Object.entries(SMS_SPELLINGS));

/** The normal form every matcher compares: folded, SMS spellings spelled out, long forms as acronyms. */
export function normalize(text: string): string {
  let joined = ` ${spelledOut(text, true).join(' ')} `;
  for (const { first, pattern, short } of acronymPatterns) if (joined.includes(first)) joined = joined.replace(pattern, ` ${short} `);
  if (joined.includes(' compte ')) joined = joined.replace(OWN_ACCOUNT, '$1$2 independant$5');
  return joined.replace(/\s+/g, ' ').trim();
}

export function words(text: string): string[] {
  const normal = normalize(text);
  return normal ? normal.split(' ') : [];
}
