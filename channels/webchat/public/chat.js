// Orientation web chat: plain DOM, no dependency, no cookie. The conversation id lives in
// sessionStorage, so it ends with the tab. Server data is always inserted as text.
import { el, orientationCard } from './card.js';
import { currentLanguage, directionOf, follow, word } from './words.js';

var STORAGE_KEY = 'orientation.conversation';
var transcript = document.getElementById('transcript');
var typing = document.getElementById('typing');
var errorBox = document.getElementById('error');
var input = document.getElementById('message');
var choices = document.getElementById('choices');
var choiceList = choices.querySelector('ul');
var sending = false;
var choicesLabel = document.getElementById('choices-label');
var composer = document.getElementById('composer');
var composerLabel = composer.querySelector('label');
var composerHint = document.getElementById('message-hint');
var sendButton = composer.querySelector('button[type="submit"]');

/** The conversation goes on in this language: the fixed texts around the messages follow it. */
function speak(lang) {
  var current = follow(lang);
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

function addMessage(author, reply) {
  var item = el('li', 'msg msg--' + author + (reply.urgent ? ' msg--urgent' : ''));
  if (author === 'bot') {
    speak(reply.lang || 'fr');
    // a fixed sentence in a language the bot does not read has its own lang, without page words
    item.lang = reply.lang || 'fr';
    item.dir = reply.dir || directionOf(item.lang);
  } else item.dir = 'auto'; // what the person typed, in whatever script
  item.appendChild(el('span', 'sr-only fr-sr-only', author === 'user' ? word('youSaid', 'Vous avez dit :') : word('botSaid', "L'assistant a dit :")));
  if (reply.urgent) item.appendChild(el('strong', 'msg__urgent', currentLanguage() === 'fr' ? 'Urgent. ' : word('urgent', 'URGENT') + '. '));
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

composer.addEventListener('submit', function (event) {
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
    composer.requestSubmit();
  }
});
