import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

// Access to the agent console: AGENT_TOKEN given as a Bearer header (scripts), or once in
// the login form, which sets an HttpOnly cookie derived from it (browsers).

export const SESSION_COOKIE = 'orientation_agent';
const SESSION_HOURS = 8;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison, whatever the lengths. */
export const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected));

/** The cookie proves the token was given without carrying it; it changes when the token does. */
const sessionValue = (token: string) => createHmac('sha256', token).update('orientation agent console session').digest('base64url');

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export function isAgent(req: Request, token: string): boolean {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) return sameSecret(bearer.trim(), token);
  const session = cookie(req, SESSION_COOKIE);
  return session !== undefined && sameSecret(session, sessionValue(token));
}

export function openSession(req: Request, res: Response, token: string) {
  res.cookie(SESSION_COOKIE, sessionValue(token), { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/agent', maxAge: SESSION_HOURS * 3600_000 });
}

export function closeSession(res: Response) {
  res.clearCookie(SESSION_COOKIE, { path: '/agent' });
}
