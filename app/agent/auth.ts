import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';

// Access to the agent console: each agent has a token of their own (AGENT_TOKENS, or a file
// of AGENT_TOKENS_FILE; AGENT_TOKEN alone is one agent named "agent"), given as a Bearer
// header (scripts) or once in the login form, which opens a session: a random id in an
// HttpOnly cookie, which expires, and which logout revokes. Wrong tokens lock the address out.

const SESSION_COOKIE = 'orientation_agent';
const SESSION_MS = 8 * 3600_000;
/** shorter tokens are guessable: refused at startup */
const MIN_TOKEN_LENGTH = 16;
/** wrong tokens one address may try per window before 429 */
const FAILURES_ALLOWED = 10;
const LOCKOUT_SECONDS = 15 * 60;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison, whatever the lengths. */
export const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/** "name:token,name:token" (or one per line in a file) to agent name by token */
function parseAgentTokens(spec: string): Map<string, string> {
  const agents = new Map<string, string>();
  for (const item of spec
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'))) {
    const colon = item.indexOf(':');
    const [name, token] = [item.slice(0, colon).trim(), item.slice(colon + 1).trim()];
    if (colon < 1 || token.length < MIN_TOKEN_LENGTH)
      throw new Error(`agent tokens: "name:token" with a token of at least ${MIN_TOKEN_LENGTH} characters expected, got "${name || item.slice(0, 3)}…"`);
    agents.set(token, name);
  }
  return agents;
}

/** AGENT_TOKENS, AGENT_TOKENS_FILE, or AGENT_TOKEN (one agent named "agent"); empty: console closed */
export function agentTokensFromEnv(env: NodeJS.ProcessEnv, single = env.AGENT_TOKEN): Map<string, string> {
  if (env.AGENT_TOKENS_FILE) return parseAgentTokens(readFileSync(env.AGENT_TOKENS_FILE, 'utf8'));
  if (env.AGENT_TOKENS) return parseAgentTokens(env.AGENT_TOKENS);
  return single ? parseAgentTokens(`agent:${single}`) : new Map();
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export class AgentAccess {
  private readonly sessions = new Map<string, { agent: string; expires: number }>();
  private readonly failures = new RateLimiterMemory({ points: FAILURES_ALLOWED, duration: LOCKOUT_SECONDS });

  constructor(private readonly tokens: Map<string, string>) {}

  /** the agent this token belongs to; every token is compared, in constant time */
  agentOfToken(given: string): string | undefined {
    let agent: string | undefined;
    for (const [token, name] of this.tokens) if (sameSecret(given, token)) agent = name;
    return agent;
  }

  /** the agent behind this request (Bearer token or live session), or undefined */
  agentOf(req: Request): string | undefined {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined) return this.agentOfToken(bearer.trim());
    const id = cookie(req, SESSION_COOKIE);
    const session = id === undefined ? undefined : this.sessions.get(digest(id).toString('hex'));
    if (!session || session.expires < Date.now()) return undefined;
    return session.agent;
  }

  /** seconds this address must wait before trying a token again; 0 when it may */
  async lockedFor(req: Request): Promise<number> {
    const state = await this.failures.get(req.ip ?? '');
    return state && state.consumedPoints >= FAILURES_ALLOWED ? Math.ceil(state.msBeforeNext / 1000) : 0;
  }

  async failed(req: Request): Promise<void> {
    await this.failures.penalty(req.ip ?? '', 1);
  }

  open(req: Request, res: Response, agent: string) {
    const id = randomBytes(32).toString('base64url');
    const now = Date.now();
    for (const [key, session] of this.sessions) if (session.expires < now) this.sessions.delete(key);
    this.sessions.set(digest(id).toString('hex'), { agent, expires: now + SESSION_MS });
    // Secure whenever the request came over HTTPS (behind a proxy: TRUST_PROXY)
    res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/agent', maxAge: SESSION_MS });
  }

  /** logout: the session id is forgotten here, so a copied cookie no longer opens anything */
  close(req: Request, res: Response) {
    const id = cookie(req, SESSION_COOKIE);
    if (id !== undefined) this.sessions.delete(digest(id).toString('hex'));
    res.clearCookie(SESSION_COOKIE, { path: '/agent' });
  }

  /** 429 with Retry-After while the address is locked out */
  lockout() {
    return async (req: Request, res: Response, next: NextFunction) => {
      const seconds = await this.lockedFor(req);
      if (seconds === 0) return next();
      res.status(429).set('Retry-After', String(seconds)).type('text/plain; charset=utf-8').send('Trop de jetons incorrects : réessayez plus tard.');
    };
  }
}
