// Orientation web chat: plain DOM, no dependency, no cookie. The conversation id lives in
// sessionStorage, so it ends with the tab. Server data is always inserted as text.
(function () {
  'use strict';

  var STORAGE_KEY = 'orientation.conversation';
  var transcript = document.getElementById('transcript');
  var typing = document.getElementById('typing');
  var errorBox = document.getElementById('error');
  var form = document.getElementById('composer');
  var input = document.getElementById('message');
  var choices = document.getElementById('choices');
  var choiceList = choices.querySelector('ul');
  var sending = false;
  var choicesLabel = document.getElementById('choices-label');
  var composer = document.getElementById('composer');
  var composerLabel = composer.querySelector('label');
  var composerHint = document.getElementById('message-hint');
  var sendButton = composer.querySelector('button[type="submit"]');

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

  function word(key, fallback) {
    var lang = WORDS[current] || WORDS.fr;
    var text = lang && lang.words[key];
    return text === undefined || text === null ? fallback : text;
  }

  function directionOf(lang) {
    return (WORDS[lang] && WORDS[lang].dir) || 'ltr';
  }

  /** The conversation goes on in this language: the fixed texts around the messages follow it. */
  function speak(lang) {
    current = WORDS[lang] ? lang : current;
    choices.lang = current;
    choices.dir = directionOf(current);
    choicesLabel.textContent = word('choicesLabel', 'Réponses proposées :');
    // the composer's words too: its label, its hint, its button
    composer.lang = current;
    composer.dir = directionOf(current);
    composerLabel.firstChild.textContent = word('composerLabel', 'Votre message') + ' ';
    composerHint.textContent = word('composerHint', 'Entrée pour envoyer, Maj + Entrée pour aller à la ligne.');
    sendButton.textContent = word('send', 'Envoyer');
  }

  function conversationId() {
    var id = sessionStorage.getItem(STORAGE_KEY);
    if (!id) {
      id = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
      sessionStorage.setItem(STORAGE_KEY, id);
    }
    return id;
  }

  function el(tag, className, text) {
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

  function phoneLine(prefix, phone) {
    var p = el('p', 'card__phone', prefix);
    var a = el('a', 'link fr-link', phone);
    a.dir = 'ltr'; // « 01 23 45 67 89 » keeps its order in a right-to-left message
    a.href = telHref(phone);
    p.appendChild(a);
    return p;
  }

  /** The words that write a date in the conversation's language (knowledge/date-words.ts, by /words.json). */
  function dateWords() {
    return (WORDS[current] || WORDS.fr || {}).dates;
  }

  /** "2026-03-12" -> "12 mars 2026" ("12 March 2026", "2026年3月12日"), as the other channels write it. */
  function writtenDate(iso) {
    var dates = dateWords();
    var parts = (iso || '').split('-').map(Number);
    if (!dates || parts.length !== 3 || !parts[0] || !parts[1] || !parts[2]) return iso;
    var values = { day: dates.days[parts[2] - 1], month: dates.months[parts[1] - 1], year: String(parts[0]) };
    return dates.date.replace(/\{(\w+)\}/g, function (all, name) {
      return values[name] || all;
    });
  }

  function dateElement(iso, prefix) {
    var time = el('time', '', (prefix ? prefix + ' ' : '') + writtenDate(iso));
    time.setAttribute('datetime', iso);
    return time;
  }

  function sourceLine(src) {
    var official = word('officialFrench', '');
    var p = el('p', 'card__source', (official ? official + ' ' : '') + word('source', 'Source :') + ' ');
    // in the conversation's language even inside an office's French block
    if (current !== 'fr') {
      p.lang = current;
      p.dir = directionOf(current);
    }
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

  /** French content (an office's name, address, hours) inside a message in another language. */
  function inFrench(node) {
    if (current !== 'fr') {
      node.lang = 'fr';
      node.dir = 'ltr';
    }
    return node;
  }

  /** Opening hours the server wrote in the conversation's language (knowledge/date-words.ts), inside an office in French. */
  function hoursWritten(node) {
    if (current !== 'fr') {
      node.lang = current;
      node.dir = directionOf(current);
    }
    return node;
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
    if (o.openNow) box.appendChild(hoursWritten(el('p', 'card__open', o.openNow)));
    if (o.hours && o.hours.length) {
      box.appendChild(el('p', 'card__subtitle', word('hours', 'Horaires') + ' :'));
      var hours = el('ul', 'card__hours');
      o.hours.forEach(function (h) {
        hours.appendChild(hoursWritten(el('li', '', h)));
      });
      (o.hoursComment || []).forEach(function (h) {
        hours.appendChild(el('li', '', h));
      });
      box.appendChild(hours);
    }
    if (o.accessibility) box.appendChild(el('p', 'card__access', word('access', 'Accès') + ' : ' + o.accessibility));
    if (safeUrl(o.mapUrl)) {
      var map = el('p');
      map.appendChild(externalLink(current === 'fr' ? 'Voir ' + o.name + ' sur un plan' : word('map', 'Plan') + ' : ' + o.name, o.mapUrl));
      box.appendChild(map);
    }
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
    if (s.lookup && safeUrl(s.lookup.url)) {
      var p = el('p');
      p.appendChild(externalLink(s.lookup.label, s.lookup.url));
      box.appendChild(p);
    }
    if (s.nationalPhone)
      box.appendChild(phoneLine(current === 'fr' ? 'Téléphone national : ' : word('nationalPhone', 'Tél. national') + ' : ', s.nationalPhone));
    return box;
  }

  function orientationCard(o) {
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
    if (o.online && safeUrl(o.online.url)) {
      var online = el('p');
      online.appendChild(externalLink(o.online.label, o.online.url));
      body.appendChild(online);
    }
    (o.sources || []).forEach(function (src) {
      body.appendChild(sourceLine(src));
    });
    return card;
  }

  function addMessage(author, reply) {
    var item = el('li', 'msg msg--' + author + (reply.urgent ? ' msg--urgent' : ''));
    if (author === 'bot') {
      speak(reply.lang || 'fr');
      // a fixed sentence in a language the bot does not read has its own lang, without page words
      item.lang = reply.lang || 'fr';
      item.dir = reply.dir || directionOf(item.lang);
    } else item.dir = 'auto'; // what the person typed, in whatever script
    item.appendChild(el('span', 'sr-only fr-sr-only', author === 'user' ? word('youSaid', 'Vous avez dit :') : word('botSaid', "L'assistant a dit :")));
    if (reply.urgent) item.appendChild(el('strong', 'msg__urgent', current === 'fr' ? 'Urgent. ' : word('urgent', 'URGENT') + '. '));
    // reply.text tells the orientation in plain words; the card shows the same, structured.
    if (reply.orientation) item.appendChild(orientationCard(reply.orientation));
    else
      reply.text.split(/\n+/).forEach(function (line) {
        item.appendChild(el('p', '', line));
      });
    if (reply.choices && reply.choices.length) {
      item.appendChild(el('p', 'sr-only fr-sr-only', word('choicesHint', 'Réponses proposées sous le champ de saisie, ou écrivez votre réponse.')));
    }
    transcript.appendChild(item);
    item.scrollIntoView({ block: 'nearest' });
    return item;
  }

  function showChoices(options) {
    choiceList.textContent = '';
    options.forEach(function (option) {
      var li = el('li');
      var button = el('button', 'button button--choice fr-btn fr-btn--secondary fr-btn--sm', option.label);
      button.type = 'button';
      button.addEventListener('click', function () {
        send(option.label, option.value);
      });
      li.appendChild(button);
      choiceList.appendChild(li);
    });
    choices.hidden = options.length === 0;
  }

  function send(shown, value) {
    if (sending || !value.trim()) return;
    sending = true;
    errorBox.textContent = '';
    showChoices([]);
    input.focus();
    var said = addMessage('user', { text: shown });
    typing.textContent = word('typing', "L'assistant écrit...");
    fetch('/api/conversations/' + encodeURIComponent(conversationId()) + '/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: value }),
    })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (data) {
        // the person wrote in the language the bot answers in
        if (data.replies[0]) said.lang = data.replies[0].lang || 'fr';
        var last = [];
        data.replies.forEach(function (reply) {
          addMessage('bot', reply);
          if (reply.choices) last = reply.choices;
        });
        showChoices(last);
      })
      .catch(function () {
        errorBox.textContent = word('sendError', "Erreur : votre message n'a pas pu être envoyé. Vérifiez votre connexion et réessayez.");
        // give the words back, so that trying again is one key press
        if (!input.value) input.value = value;
      })
      .then(function () {
        typing.textContent = '';
        sending = false;
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) {
      errorBox.textContent = 'Erreur : écrivez votre message avant de l’envoyer.';
      return;
    }
    input.value = '';
    send(text.trim(), text.trim());
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
