/* eslint-disable @typescript-eslint/no-require-imports -- natural's stemmers and lists, imported one by one (see bot/nlu/stem.ts) */
import type { Analysis, Term } from '../nlu/analyze';
import { foldText } from '../../knowledge/text';
import { SPACELESS_CHAR, SPACELESS_RUN, spacelessWords } from './spaceless';

// How the matcher reads a message in a language other than French: folded like French
// (case, accents, punctuation), without that language's stop words, each word with its
// stem where natural has a stemmer for it. Arabic gets a light stemmer (its clitics
// « و », « ال », « ب »… glued to the word); other languages compare whole words.

type Stemmer = (word: string) => string;

const natural = (name: string): Stemmer => {
  const stemmer = require(`natural/lib/natural/stemmers/${name}`) as { stem(word: string): string };
  return (word) => stemmer.stem(word);
};

/**
 * American spellings written British before stemming, so that an American and a Briton meet on
 * the same stems: Porter cuts « naturalization » to « natur » (« nature », « naturally ») and
 * « regularization » to « regular », but keeps « naturalis », « regularis » whole; and it keeps
 * « neighbor » and « neighbour », « license » and « licence », « center » and « centre » apart.
 */
const AMERICAN_SPELLINGS: [RegExp, string][] = [
  [/iz(e|ed|es|ing|ation|ations)$/, 'is$1'],
  [/^(neighb|lab|behavi|hon|harb|rum|od|col)or(s|ed|ing|hood|hoods|ers?)?$/, '$1our$2'],
  [/^(cent|theat|fib)er(s)?$/, '$1re$2'],
  [/^(licen|defen|offen)s(e|es|ed|ing)$/, '$1c$2'],
  [/^mold(s|y|ed)?$/, 'mould$1'],
  [/^program(s)?$/, 'programme$1'],
  [/^pediatric/, 'paediatric'],
  // « driver's license » (American) and « driving licence » (British)
  [/^drivers?$/, 'driving'],
];
const britishSpelling =
  (stemmer: Stemmer): Stemmer =>
  (word) =>
    stemmer(AMERICAN_SPELLINGS.reduce((spelt, [american, british]) => spelt.replace(american, british), word));

const STEMMERS: Partial<Record<string, () => Stemmer>> = {
  en: () => britishSpelling(natural('porter_stemmer')),
  es: () => natural('porter_stemmer_es'),
  pt: () => natural('porter_stemmer_pt'),
  it: () => natural('porter_stemmer_it'),
  ru: () => natural('porter_stemmer_ru'),
  uk: () => natural('porter_stemmer_uk'),
  nl: () => natural('porter_stemmer_nl'),
  de: () => natural('porter_stemmer_de'),
  fa: () => natural('porter_stemmer_fa'),
  ar: () => arabicStem,
};

const STOPWORD_LISTS: Record<string, string> = {
  en: 'stopwords',
  es: 'stopwords_es',
  pt: 'stopwords_pt',
  it: 'stopwords_it',
  ru: 'stopwords_ru',
  uk: 'stopwords_uk',
  nl: 'stopwords_nl',
  fa: 'stopwords_fa',
  zh: 'stopwords_zh',
};

/** Words of a request that say nothing of the need, added to natural's lists. */
const CHAT_FILLER: Record<string, string> = {
  en:
    'hello hi please thanks thank need want would like how do can could what where who get got im ive dont cant france french ' +
    // a story's small talk: contractions once folded (« didn't » → « didn t »), time words, hedges
    'us not just yet even ever ie eg ve ll didn doesn isn wasn weren haven hasn hadn couldn wouldn shouldn aren thats ' +
    'anyone someone something anything everyone everything thing things lots really quite almost already either whether rather ' +
    'anyway actually maybe perhaps seems seemed say says tell told think thought wonder asked asking ' +
    'today yesterday tomorrow day days week weeks month months year years time times ago ' +
    'monday tuesday wednesday thursday friday saturday sunday january february april june july august september october november december',
  // natural's Ukrainian and Russian lists lack most pronouns and a request's politeness
  uk: 'моя моє мої мене мені мною нас нам ми ви вам вас наш наша наші ваш ваша це чи щоб треба потрібно будь ласка дякую привіт добрий день підкажіть допоможіть хочу',
  ru: 'моя мое мои меня мне мной нас нам мы вы вам вас наш наша наши ваш ваша это чтобы нужно надо пожалуйста спасибо привет здравствуйте добрый день подскажите помогите хочу',
  // natural's Chinese list holds single characters; the segmenter (spaceless.ts) finds words
  zh:
    '你好 您好 请问 谢谢 麻烦 大家 我的 你的 我们 你们 他们 她们 自己 这个 那个 这样 那样 怎么 如何 为什么 什么 没有 因为 所以 但是 可是 然后 ' +
    '之后 以后 之前 以前 已经 现在 今天 昨天 明天 时候 一下 一个 一次 就是 的是 还是 而且 如果 虽然 知道 不知 不知道 觉得 可以 可能 需要 ' +
    '想要 应该 结果 发现 直到 终于 真的 非常 还有 一些 所有 我在 法国',
  ar: 'في من على الى إلى عن مع هل ما ماذا كيف اين أين انا أنا هذا هذه ذلك التي الذي او أو و يا مرحبا السلام عليكم شكرا لو سمحت من فضلك اريد أريد ابحث أبحث نبحث بحث البحث',
};

/**
 * The score a long message needs to be understood, where it differs from French's
 * (bot/engine/understand.ts): an English story tells its need among many more words that no
 * need explains (measured on the tuning part of test/eval/lang/en: 0.40 and 0.37 understand
 * the same stories, 0.47 leaves three of them « not understood »).
 */
export const LONG_MESSAGE_THRESHOLD: Partial<Record<string, number>> = { en: 0.4 };

/**
 * The small words of the French names people copy into their own language (« titre de séjour »,
 * « caisse d'allocations familiales »): « permis de construire » shares its « de » with every
 * French name, not its need with « permis de conduire ». None is a word of the languages read.
 */
const FRENCH_SMALL_WORDS = 'de du des la le les l d au aux et pour sur';

/** Stop words of a language (folded); empty when none is known. */
export function stopwordsOf(lang: string): Set<string> {
  const list = STOPWORD_LISTS[lang];
  const words: string[] = list ? ((require(`natural/lib/natural/util/${list}`) as { words: string[] }).words ?? []) : [];
  return new Set([...words, ...(CHAT_FILLER[lang] ?? '').split(' '), ...FRENCH_SMALL_WORDS.split(' ')].map(foldText).filter(Boolean));
}

const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف'];
/** folded suffixes (knowledge/text.ts writes ة as ه) */
const ARABIC_SUFFIXES = ['ها', 'ات', 'ون', 'ين', 'ان', 'يه', 'ه', 'ي'];

/** Light Arabic stemming: one clitic prefix and one suffix off, keeping at least three letters. */
function arabicStem(word: string): string {
  let stem = word;
  const prefix = ARABIC_PREFIXES.find((p) => stem.startsWith(p) && stem.length - p.length >= 3);
  if (prefix) stem = stem.slice(prefix.length);
  const suffix = ARABIC_SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= 3);
  if (suffix) stem = stem.slice(0, -suffix.length);
  return stem;
}

/**
 * Chinese is written in simplified (mainland) or traditional (Taiwan, Hong Kong) characters:
 * phrases and messages are both read in simplified, so « 學生房屋補助 » meets « 房屋补助 ».
 * Character by character (OpenCC's Taiwan table, no phrase rewriting): what matching needs.
 */
const SPACELESS = new RegExp(SPACELESS_CHAR, 'u');

type OpenCC = { Converter(options: { from: string; to: string }): (text: string) => string };
const SCRIPT_FOLDS: Partial<Record<string, () => (text: string) => string>> = {
  zh: () => (require('opencc-js/t2cn') as OpenCC).Converter({ from: 'tw', to: 'cn' }),
};

/** The analyzer the matcher uses for a language. */
export function analyzerFor(lang: string): (text: string) => Analysis {
  const stopwords = stopwordsOf(lang);
  const scriptFold = SCRIPT_FOLDS[lang]?.() ?? ((text: string) => text);
  const stemmer = STEMMERS[lang]?.();
  const cache = new Map<string, string>();
  const stem = (word: string) => {
    let stemmed = cache.get(word);
    if (stemmed === undefined) {
      stemmed = stemmer && word.length > 3 && !/\d/.test(word) ? stemmer(word) : word;
      if (cache.size < 50_000) cache.set(word, stemmed);
    }
    return stemmed;
  };
  const words = (word: string) => (SPACELESS.test(word) ? spacelessWords(word, (w) => stopwords.has(w)) : [word]);
  return (text) => {
    // « 我的titre de séjour过期了 »: Chinese glued to French words, split where the script changes
    const normalized = foldText(scriptFold(text).replace(SPACELESS_RUN, ' $& '));
    const terms: Term[] = [];
    for (const word of normalized.split(' ').flatMap(words)) {
      if (!word || stopwords.has(word)) continue;
      terms.push({ word, stem: stem(word) });
    }
    return { normalized, terms };
  };
}
