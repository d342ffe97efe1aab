import { join } from 'node:path';
import type { Logger } from 'pino';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Knowledge } from '../../knowledge/types';
import type { Conversations } from '../../bot/conversation';
import { step } from '../../bot/engine/step';
import { initialState, type ConversationState } from '../../bot/state/types';
import { formatProblem, type TreeProblem } from '../../bot/trees/loader';
import type { TreeRegistry } from '../../bot/trees/registry';
import { mermaidGraph } from '../../bot/trees/graph';
import { CONFLICT_MESSAGE, type SharedTrees } from '../trees/shared';
import { AgentAccess } from './auth';
import { AuditLog } from './audit';
import { planExample } from './examples';
import { auditRoutes } from './audit-routes';
import { loginPage } from './login-page';
import { MemoryReviewStore, REASON_LABELS, recordTurn, type MissReason, type ReviewStore } from './review';

export interface AgentConsoleDeps {
  conversations: Conversations;
  logger: Logger;
  registry: TreeRegistry;
  knowledge: Knowledge;
  /** the trees every process reads: edits go through it */
  trees: SharedTrees;
  /** agent name by token (AGENT_TOKENS); empty: the console stays closed */
  tokens: Map<string, string>;
  /** JSON lines file of the edits (AGENT_AUDIT_FILE); in memory without one */
  auditFile?: string;
  /** shared by every process when the bot runs on Redis; in memory otherwise */
  review?: ReviewStore;
}

const PUBLIC_DIR = join(__dirname, 'public');
const MERMAID_BUNDLE = require.resolve('mermaid/dist/mermaid.min.js');
const CONSOLE_CONVERSATIONS = 200;

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The agent console at /agent: talk with a debug view, reload, review, teach, see trees. */
export function agentConsole(deps: AgentConsoleDeps): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });

  if (deps.tokens.size === 0) {
    router.use((_req, res) => {
      res.status(403).type('text/plain; charset=utf-8').send("Console des agents fermée : elle s'ouvre quand AGENT_TOKEN est défini.");
    });
    return router;
  }

  const review = deps.review ?? new MemoryReviewStore();
  deps.conversations.observe((event) => {
    recordTurn(review, event).catch(() => deps.logger.warn('review store unavailable'));
  });

  router.get('/console.css', (_req, res) => res.sendFile(join(PUBLIC_DIR, 'console.css')));
  router.get('/login', (_req, res) => {
    res.type('html').send(loginPage());
  });
  const access = new AgentAccess(deps.tokens);
  const audit = new AuditLog(deps.auditFile);
  router.post('/login', access.lockout(), express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const agent = access.agentOfToken(typeof req.body?.token === 'string' ? req.body.token : '');
    if (!agent) {
      await access.failed(req);
      res.status(401).type('html').send(loginPage('Jeton incorrect.'));
      return;
    }
    access.open(req, res, agent);
    res.redirect(303, '/agent/');
  });
  router.post('/logout', (req, res) => {
    access.close(req, res);
    res.redirect(303, '/agent/login');
  });

  router.use(access.lockout(), async (req: Request, res: Response, next: NextFunction) => {
    const agent = access.agentOf(req);
    if (agent) {
      res.locals.agent = agent;
      return next();
    }
    if (req.headers.authorization) await access.failed(req);
    if (req.path.startsWith('/api/')) res.status(401).json({ error: 'Jeton d’agent manquant ou incorrect.' });
    else res.redirect(303, '/agent/login');
  });

  router.get('/', (_req, res) => res.sendFile(join(PUBLIC_DIR, 'console.html')));
  router.get('/console.js', (_req, res) => res.sendFile(join(PUBLIC_DIR, 'console.js')));
  router.get('/mermaid.js', (_req, res) => res.sendFile(MERMAID_BUNDLE));

  const api = express.Router();
  router.use(
    '/api',
    express.json({ limit: '16kb' }),
    (_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      next();
    },
    api,
  );

  // The version an agent's page shows: an edit sent with it is refused if another agent edited since.
  api.use((_req, res, next) => {
    res.set('X-Trees-Version', String(deps.trees.version));
    next();
  });

  api.get('/intents', (_req, res) => {
    res.json(deps.registry.current.trees.intents.filter((i) => !i.generated).map(({ id, title, theme }) => ({ id, title, theme })));
  });

  // The console's own conversations: agents testing must not show up in the review.
  const states = new Map<string, ConversationState>();
  api.post('/say', (req, res) => {
    const conversation = field(req, 'conversation');
    const text = field(req, 'text');
    if (!conversation || !/^[\w-]{1,64}$/.test(conversation) || text === undefined) {
      res.status(400).json({ error: 'Champs « conversation » et « text » attendus.' });
      return;
    }
    const result = step(states.get(conversation) ?? initialState(), { text }, { ...deps.registry.current, knowledge: deps.knowledge, now: new Date() });
    states.delete(conversation);
    states.set(conversation, result.state);
    if (states.size > CONSOLE_CONVERSATIONS) states.delete(states.keys().next().value!);
    res.json({ replies: result.replies, trace: result.trace, at: result.state.at, pending: result.state.pending?.kind });
  });

  // Every check of the trees runs in the worker (app/trees/worker.ts), from the start; until it
  // is done, the console shows what loading the trees in service found.
  let checked: TreeProblem[] | undefined;
  deps.trees.validate().then(
    (problems) => (checked ??= [...problems, ...deps.knowledge.territoryProblems()]),
    (err: Error) => deps.logger.warn({ err: err.message }, 'trees not checked'),
  );
  const problemsNow = () => checked ?? [...deps.registry.problems, ...deps.knowledge.territoryProblems()];
  const showProblems = (problems: TreeProblem[]) => problems.map((p) => ({ ...p, text: formatProblem(p) }));
  const inService = () => ({
    intents: deps.registry.current.trees.intents.length,
    loadedAt: deps.registry.current.trees.loadedAt,
    version: deps.trees.version,
    annuaire: deps.knowledge.annuaireStatus(new Date()),
  });

  api.get('/problems', (_req, res) => {
    res.json({ problems: showProblems(problemsNow()), ...inService() });
  });

  api.post('/reload', async (_req, res) => {
    const trees = await deps.trees.reload();
    // territory packs reload with the trees, after them: their notes name the trees' needs
    const packs = deps.knowledge.reloadTerritories(new Set(deps.registry.current.trees.intents.map((intent) => intent.id)));
    const problems = [...trees.problems, ...packs.problems];
    checked = problems;
    res.json({ reloaded: trees.reloaded && packs.reloaded, problems: showProblems(problems), ...inService() });
  });

  api.get('/review', async (_req, res) => {
    const groups = await review.list();
    res.json({
      groups: groups.map((g) => ({
        ...g,
        reasons: Object.entries(g.reasons).map(([reason, count]) => ({ reason, label: REASON_LABELS[reason as MissReason], count })),
      })),
    });
  });

  api.post('/review/dismiss', async (req, res) => {
    const key = field(req, 'key');
    if (key) await review.remove(key);
    res.json({ ok: true });
  });

  api.post('/examples', async (req, res) => {
    const intent = field(req, 'intent');
    const text = field(req, 'text');
    if (!intent || !text) {
      res.status(400).json({ ok: false, message: 'Choisissez un besoin et écrivez la phrase.' });
      return;
    }
    const version = (req.body as { version?: unknown }).version;
    const result = await deps.trees.edit((sources) => planExample(sources, intent, text), {
      baseVersion: typeof version === 'number' ? version : undefined,
      accept(loaded) {
        // An example that still leads elsewhere would teach nothing and blur both needs: refused.
        const top = loaded.matcher.match(text, 1).candidates[0];
        if (top?.intent.id === intent) return undefined;
        const elsewhere = top?.intent.id ?? 'aucun besoin';
        return `Refusé : la phrase mène encore à « ${elsewhere} », pas à « ${intent} ». Ajoutez d'abord des mots-clés à « ${intent} » ou un mot d'exclusion à « ${elsewhere} ».`;
      },
    });
    if (result.status === 'conflict') {
      res.status(409).json({ ok: false, message: CONFLICT_MESSAGE, version: result.version });
      return;
    }
    if (result.status === 'refused') {
      if (result.problems.length) checked = result.problems;
      res.status(422).json({ ok: false, message: result.message, problems: showProblems(result.problems) });
      return;
    }
    checked = result.problems;
    const { file, before, after } = result.change;
    audit.record(String(res.locals.agent), `exemple ajouté à ${intent} : « ${text.trim()} »`, file, before, after);
    const key = field(req, 'key');
    if (key) await review.remove(key);
    res.json({
      ok: true,
      message: `Ajouté à « ${intent} » : la phrase mène maintenant à ce besoin.`,
      matches: true,
      version: result.version,
      problems: showProblems(result.problems),
    });
  });

  auditRoutes(api, audit, deps.trees);

  api.get('/graph/:intent', (req, res) => {
    const intent = deps.registry.current.trees.byId.get(String(req.params.intent));
    if (!intent) {
      res.status(404).json({ error: 'Besoin inconnu.' });
      return;
    }
    res.type('text/plain; charset=utf-8').send(mermaidGraph(intent, deps.knowledge));
  });

  return router;
}

function field(req: Request, name: string): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}
