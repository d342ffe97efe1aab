// Agent console: plain script, no framework, no third-party request. All text from the
// server is inserted with textContent, never as HTML (except Mermaid's sanitized SVG).
'use strict';

const $ = (selector) => document.querySelector(selector);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// The version of the trees this page last read: an edit sent with it is refused (409) if
// another agent changed the trees since, instead of one edit silently undoing the other.
let treesVersion;

async function api(path, body) {
  const response = await fetch(
    `/agent/api/${path}`,
    body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
  );
  if (response.status === 401) window.location.assign('/agent/login');
  if (body === undefined && response.headers.has('X-Trees-Version')) treesVersion = Number(response.headers.get('X-Trees-Version'));
  const type = response.headers.get('Content-Type') || '';
  const result = type.includes('json') ? await response.json() : await response.text();
  if (response.ok && typeof result.version === 'number') treesVersion = result.version;
  return result;
}

let intents = [];
let conversation = crypto.randomUUID();

// --- Talk to the bot, with what it understood -------------------------------------------

function addLine(who, text, extra) {
  const item = element('li', `${who === 'person' ? 'Vous' : 'Robot'} : ${text}`, who);
  if (extra?.urgent) item.classList.add('urgent');
  if (extra?.choices?.length) item.append(element('div', extra.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')));
  $('#transcript').append(item);
  item.scrollIntoView({ block: 'nearest' });
}

function showDebug(result) {
  const { trace } = result;
  $('#debug-normalized').textContent = trace.normalized || '—';
  const node = result.at
    ? `${result.at.intent} › ${result.at.node}`
    : trace.outcome
      ? `${trace.intent} › résultat ${trace.outcome}`
      : result.pending
        ? `en attente : ${result.pending}`
        : '—';
  $('#debug-node').textContent = node;
  const flags = [];
  if (trace.urgent) flags.push('urgence');
  if (trace.ambiguous) flags.push('hésitation entre plusieurs besoins');
  if (trace.also) flags.push(`deuxième besoin dans le message : ${trace.also}`);
  if (trace.fallback) flags.push(`pas compris (niveau ${trace.fallback})`);
  if (trace.disagreed) flags.push('« ce n’est pas ça »');
  if (trace.command) flags.push(`commande : ${trace.command}`);
  $('#debug-flags').textContent = flags.join(', ') || '—';
  const body = $('#debug-candidates tbody');
  body.replaceChildren(
    ...trace.candidates.map((c) => {
      const row = element('tr');
      row.append(element('td', c.id), element('td', c.score.toFixed(3)), element('td', c.matched.join(', ')), element('td', scoreParts(c.parts)));
      return row;
    }),
  );
}

/** What a score is made of: the best phrase covered, the share of the message explained, a second phrase. */
function scoreParts(parts) {
  if (!parts) return '—';
  return `phrase ${parts.phrase.toFixed(2)} · message ${parts.message.toFixed(2)} · 2e phrase ${parts.second.toFixed(2)}`;
}

$('#say-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $('#say-text');
  const text = input.value;
  input.value = '';
  addLine('person', text);
  const result = await api('say', { conversation, text });
  for (const reply of result.replies) addLine('bot', reply.text, reply);
  showDebug(result);
  input.focus();
});

$('#say-reset').addEventListener('click', () => {
  conversation = crypto.randomUUID();
  $('#transcript').replaceChildren();
  $('#say-text').focus();
});

// --- Trees: reload and validation -------------------------------------------------------

function showProblems(result) {
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const state =
    result.reloaded === false ? 'Les arbres n’ont pas été rechargés : les précédents restent en service. ' : result.reloaded ? 'Arbres rechargés. ' : '';
  $('#trees-summary').textContent = `${state}${result.intents} besoins en service. ${errors} erreur(s), ${warnings} avertissement(s).`;
  $('#problems').replaceChildren(...result.problems.map((p) => element('li', p.text, p.severity)));
  showAnnuaire(result.annuaire);
}

function showAnnuaire(annuaire) {
  const summary = $('#annuaire-summary');
  summary.className = annuaire?.stale ? 'warning' : '';
  if (!annuaire || annuaire.offices === 0) {
    summary.textContent = 'Annuaire : aucun importé, les réponses donnent le lien de recherche de l’Annuaire de l’administration.';
    return;
  }
  const date = new Date(`${annuaire.dataDate}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
  const age = `données du ${date}, il y a ${annuaire.ageDays} jour(s)`;
  const stale = annuaire.stale ? ' : trop ancien, demandez une mise à jour (npm run fetch:annuaire).' : '.';
  summary.textContent = `Annuaire : ${annuaire.offices} guichets, ${age}${stale}`;
}

$('#reload').addEventListener('click', async () => {
  showProblems(await api('reload', {}));
  await loadIntents();
});

// --- Misunderstood messages, and teaching the bot ----------------------------------------

function intentSelect(selected) {
  const select = element('select');
  select.append(element('option', '— choisir un besoin —'));
  select.firstChild.value = '';
  for (const intent of intents) {
    const option = element('option', `${intent.title} (${intent.id})`);
    option.value = intent.id;
    if (intent.id === selected) option.selected = true;
    select.append(option);
  }
  return select;
}

async function loadReview() {
  const { groups } = await api('review');
  const rows = groups.map((group, index) => {
    const row = element('tr');
    row.append(
      element('td', group.text),
      element('td', String(group.count)),
      element('td', group.reasons.map((r) => `${r.label} (${r.count})`).join(', ')),
      element('td', group.candidates.map((c) => `${c.id} ${c.score.toFixed(2)}`).join(', ') || '—'),
    );
    const teach = element('td', undefined, 'teach');
    const form = element('form');
    const phraseId = `teach-phrase-${index}`;
    const intentId = `teach-intent-${index}`;
    const phraseLabel = element('label', 'Phrase');
    phraseLabel.htmlFor = phraseId;
    const phrase = element('input');
    phrase.id = phraseId;
    phrase.value = group.text;
    const intentLabel = element('label', 'Besoin');
    intentLabel.htmlFor = intentId;
    const select = intentSelect(group.candidates[0]?.id);
    select.id = intentId;
    const add = element('button', 'Ajouter comme exemple');
    add.type = 'submit';
    const dismiss = element('button', 'Ignorer');
    dismiss.type = 'button';
    form.append(phraseLabel, phrase, intentLabel, select, add, dismiss);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const result = await api('examples', { intent: select.value, text: phrase.value, key: group.key, version: treesVersion });
      const status = $('#review-status');
      status.textContent =
        result.message +
        (result.problems
          ?.filter((p) => p.severity === 'error')
          .map((p) => `\n${p.text}`)
          .join('') ?? '');
      status.className = result.ok ? 'ok' : 'error';
      if (result.ok) await loadReview();
    });
    dismiss.addEventListener('click', async () => {
      await api('review/dismiss', { key: group.key });
      await loadReview();
    });
    teach.append(form);
    row.append(teach);
    return row;
  });
  $('#review tbody').replaceChildren(...rows);
  if (groups.length === 0) {
    const empty = element('tr');
    const cell = element('td', 'Aucun message à revoir.');
    cell.colSpan = 5;
    empty.append(cell);
    $('#review tbody').append(empty);
  }
}

$('#review-refresh').addEventListener('click', loadReview);

// --- Tree diagrams -----------------------------------------------------------------------

/** The diagram library is large: it is loaded (from this server) the first time a tree is drawn. */
let mermaidLoading;
function loadMermaid() {
  mermaidLoading ??= new Promise((resolve, reject) => {
    const script = element('script');
    script.src = '/agent/mermaid.js';
    script.onload = () => {
      window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      resolve(window.mermaid);
    };
    script.onerror = reject;
    document.head.append(script);
  });
  return mermaidLoading;
}

let graphCount = 0;
$('#graph-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const id = $('#graph-intent').value;
  if (!id) return;
  const text = await api(`graph/${encodeURIComponent(id)}`);
  $('#graph-text').textContent = text;
  const mermaid = await loadMermaid().catch(() => undefined);
  if (mermaid) {
    const { svg } = await mermaid.render(`graph-${++graphCount}`, text);
    $('#graph').innerHTML = svg;
    $('#graph svg')?.setAttribute('aria-label', `Schéma de l’arbre ${id}`);
  } else $('#graph').textContent = 'Le rendu du schéma n’est pas disponible : voir le texte Mermaid ci-dessous.';
});

async function loadIntents() {
  intents = await api('intents');
  const select = $('#graph-intent');
  select.replaceChildren(...intentSelect().children);
}

(async () => {
  await loadIntents();
  showProblems(await api('problems'));
  await loadReview();
  document.body.dataset.ready = 'true';
})();
