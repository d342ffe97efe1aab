// The orientation card: the office to go to and why, its address, phone and hours, what to
// bring, the online procedure and the dated source of each fact. Server data is always
// inserted as text.
import { currentLanguage, dateWords, inConversationLanguage, inFrench, word, writtenDate } from './words.js';

export function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function safeUrl(url) {
  return /^https?:\/\//i.test(url || '') ? url : undefined;
}

/** "01 23 45 67 89" -> "+33123456789"; short numbers ("32 30") stay as they are. */
function telHref(phone) {
  var digits = phone.replace(/[^\d+]/g, '');
  if (/^0\d{9}$/.test(digits)) digits = '+33' + digits.slice(1);
  return 'tel:' + digits;
}

function externalLink(label, url) {
  var a = el('a', 'link fr-link', label);
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.appendChild(el('span', 'sr-only fr-sr-only', ' ' + word('newWindow', '(nouvelle fenêtre)')));
  return a;
}

/** A paragraph of its own for a link: the map, the official lookup, the online procedure. */
function linkLine(label, url) {
  var p = el('p');
  p.appendChild(externalLink(label, url));
  return p;
}

function phoneLine(prefix, phone) {
  var p = el('p', 'card__phone', prefix);
  var a = el('a', 'link fr-link', phone);
  a.dir = 'ltr'; // « 01 23 45 67 89 » keeps its order in a right-to-left message
  a.href = telHref(phone);
  p.appendChild(a);
  return p;
}

function dateElement(iso, prefix) {
  var time = el('time', '', (prefix ? prefix + ' ' : '') + writtenDate(iso));
  time.setAttribute('datetime', iso);
  return time;
}

function sourceLine(src) {
  var official = word('officialFrench', '');
  // in the conversation's language even inside an office's French block
  var p = inConversationLanguage(el('p', 'card__source', (official ? official + ' ' : '') + word('source', 'Source :') + ' '));
  var title = src.title || 'Service-Public.fr';
  // the source is named in French: marked so, and kept left to right; its dates are in the conversation's language
  var cited = inFrench(el('span'));
  if (safeUrl(src.url)) cited.appendChild(externalLink(title, src.url));
  else cited.appendChild(document.createTextNode(title));
  if (src.fiche) cited.appendChild(document.createTextNode(' ' + src.fiche));
  p.appendChild(cited);
  p.appendChild(document.createTextNode(', '));
  // a page without a date of its own is dated the day it was read: only « checked on » is said
  var checked = (dateWords() || {}).checked || 'vérifié le';
  if (src.verified && src.verified === src.date) p.appendChild(dateElement(src.verified, checked));
  else {
    p.appendChild(dateElement(src.date));
    if (src.verified) {
      p.appendChild(document.createTextNode(', '));
      p.appendChild(dateElement(src.verified, checked));
    }
  }
  return p;
}

function office(o) {
  var box = inFrench(el('div', 'card__office'));
  box.appendChild(el('h4', 'card__office-name', o.name));
  var lines = (o.address || []).concat([[o.postalCode, o.city].filter(Boolean).join(' ')]).filter(Boolean);
  if (lines.length) {
    var address = el('address', 'card__address');
    lines.forEach(function (line, i) {
      if (i) address.appendChild(document.createElement('br'));
      address.appendChild(document.createTextNode(line));
    });
    box.appendChild(address);
  }
  if (o.phone) box.appendChild(phoneLine(word('phone', 'Téléphone') + ' : ', o.phone));
  // opening hours the server wrote in the conversation's language (knowledge/date-words.ts)
  if (o.openNow) box.appendChild(inConversationLanguage(el('p', 'card__open', o.openNow)));
  if (o.hours && o.hours.length) {
    box.appendChild(el('p', 'card__subtitle', word('hours', 'Horaires') + ' :'));
    var hours = el('ul', 'card__hours');
    o.hours.forEach(function (h) {
      hours.appendChild(inConversationLanguage(el('li', '', h)));
    });
    (o.hoursComment || []).forEach(function (h) {
      hours.appendChild(el('li', '', h));
    });
    box.appendChild(hours);
  }
  if (o.accessibility) box.appendChild(el('p', 'card__access', word('access', 'Accès') + ' : ' + o.accessibility));
  if (safeUrl(o.mapUrl))
    box.appendChild(linkLine(currentLanguage() === 'fr' ? 'Voir ' + o.name + ' sur un plan' : word('map', 'Plan') + ' : ' + o.name, o.mapUrl));
  if (o.source) box.appendChild(sourceLine(o.source));
  return box;
}

function service(s) {
  var box = el('div', 'card__service');
  box.appendChild(el('h3', 'card__service-name', s.name));
  if (s.why) box.appendChild(el('p', '', s.why));
  (s.offices || []).forEach(function (o) {
    box.appendChild(office(o));
  });
  if (s.missingData) box.appendChild(el('p', 'card__missing', s.missingData));
  if (s.lookup && safeUrl(s.lookup.url)) box.appendChild(linkLine(s.lookup.label, s.lookup.url));
  if (s.nationalPhone)
    box.appendChild(phoneLine(currentLanguage() === 'fr' ? 'Téléphone national : ' : word('nationalPhone', 'Tél. national') + ' : ', s.nationalPhone));
  return box;
}

export function orientationCard(o) {
  var card = el('article', 'card');
  var body = el('div', 'card__body');
  card.appendChild(body);
  body.appendChild(el('h2', 'card__title', o.title));
  if (o.why) body.appendChild(el('p', 'card__why', o.why));
  o.services.forEach(function (s) {
    body.appendChild(service(s));
  });
  (o.notes || []).forEach(function (note) {
    var box = el('div', 'card__note');
    box.appendChild(el('h3', 'card__subtitle', word('toKnow', 'À savoir')));
    box.appendChild(el('p', '', note.text));
    box.appendChild(sourceLine(note.source));
    body.appendChild(box);
  });
  if (o.bring && o.bring.length) {
    body.appendChild(el('h3', 'card__subtitle', word('toBring', 'À apporter')));
    var list = el('ul', 'card__bring');
    o.bring.forEach(function (item) {
      list.appendChild(el('li', '', item));
    });
    body.appendChild(list);
  }
  if (o.online && safeUrl(o.online.url)) body.appendChild(linkLine(o.online.label, o.online.url));
  (o.sources || []).forEach(function (src) {
    body.appendChild(sourceLine(src));
  });
  return card;
}
