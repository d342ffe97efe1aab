import http from 'node:http';
import { close, listen } from './world';

export interface GraphCall {
  path: string;
  accessToken: string | null;
  /** the Authorization header (WhatsApp sends its token as a bearer) */
  authorization: string | null;
  body: {
    recipient: { id: string };
    sender_action?: string;
    message?: { text: string; quick_replies?: { content_type: string; title: string; payload: string }[] };
  };
}

/** A local stand-in for the Graph API (Messenger's Send API, WhatsApp's messages) that records calls and can fail on purpose. */
export async function startFakeGraph() {
  const calls: GraphCall[] = [];
  const failures: number[] = [];
  let gate: Promise<void> = Promise.resolve();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      await gate;
      const url = new URL(req.url!, 'http://graph.test');
      const status = failures.shift();
      if (status) {
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":{"message":"try later"}}');
        return;
      }
      const authorization = req.headers.authorization ?? null;
      calls.push({ path: url.pathname, accessToken: url.searchParams.get('access_token'), authorization, body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ recipient_id: 'x', message_id: `m_${calls.length}` }));
    });
  });
  const url = await listen(server);
  return {
    url,
    calls,
    /** the next requests answer these statuses, in order */
    failNext: (...statuses: number[]) => failures.push(...statuses),
    /** holds every answer until the returned function is called */
    hold: () => {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
    messages: () => calls.filter((c) => c.body.message).map((c) => c.body.message!),
    stop: () => close(server),
  };
}
