// The page's own words in the conversation's language (GET /words.json), French until the
// bot answers in another one; each message carries its language and direction (RGAA 8.3, 8.7).

var WORDS = {};
var current = 'fr';
fetch('/words.json')
  .then(function (response) {
    return response.ok ? response.json() : {};
  })
  .then(function (words) {
    WORDS = words || {};
  })
  .catch(function () {});

/** The conversation goes on in this language, when the page has its words; returns the language followed. */
export function follow(lang) {
  current = WORDS[lang] ? lang : current;
  return current;
}

export function currentLanguage() {
  return current;
}

export function word(key, fallback) {
  var lang = WORDS[current] || WORDS.fr;
  var text = lang && lang.words[key];
  return text === undefined || text === null ? fallback : text;
}

export function directionOf(lang) {
  return (WORDS[lang] && WORDS[lang].dir) || 'ltr';
}

/** The words that write a date in the conversation's language (knowledge/date-words.ts, by /words.json). */
export function dateWords() {
  return (WORDS[current] || WORDS.fr || {}).dates;
}

/** "2026-03-12" -> "12 mars 2026" ("12 March 2026", "2026年3月12日"), as the other channels write it. */
export function writtenDate(iso) {
  var dates = dateWords();
  var parts = (iso || '').split('-').map(Number);
  if (!dates || parts.length !== 3 || !parts[0] || !parts[1] || !parts[2]) return iso;
  var values = { day: dates.days[parts[2] - 1], month: dates.months[parts[1] - 1], year: String(parts[0]) };
  return dates.date.replace(/\{(\w+)\}/g, function (all, name) {
    return values[name] || all;
  });
}

/** French content (an office's name, address, hours) inside a message in another language. */
export function inFrench(node) {
  if (current !== 'fr') {
    node.lang = 'fr';
    node.dir = 'ltr';
  }
  return node;
}

/** Words written in the conversation's language (opening hours, a source line) inside an office in French. */
export function inConversationLanguage(node) {
  if (current !== 'fr') {
    node.lang = current;
    node.dir = directionOf(current);
  }
  return node;
}
