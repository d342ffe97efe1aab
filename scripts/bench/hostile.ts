// A hostile load: clients sending 16 KB single-word messages in a loop, while /healthz is
// probed. What matters is that everyone else is still answered at once (issue #13).
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchServer } from './http-load';
import { percentile } from './stats';

/** one word of 16,000 letters (its JSON body fits MAX_BODY_BYTES): fuzzy typo correction on it once took seconds of CPU */
const HOSTILE_WORD = 'abcdefghij'.repeat(1600);
const ROUTES = ['/api/orient', '/api/conversations/hostile/messages'];

export interface HostileResult {
  hostileRequests: number;
  healthP50Ms: number;
  healthP99Ms: number;
  healthProbes: number;
}

function call(agent: Agent, method: 'GET' | 'POST', url: string, body?: string): Promise<number> {
  return new Promise((resolve) => {
    const headers = body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {};
    const req = request(url, { method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** `clients` loops of hostile messages for `seconds`, and /healthz every 20 ms meanwhile. */
export async function measureHostile(server: BenchServer, clients: number, seconds: number): Promise<HostileResult> {
  const agent = new Agent({ keepAlive: true });
  const end = performance.now() + seconds * 1000;
  const body = JSON.stringify({ text: HOSTILE_WORD });
  let hostileRequests = 0;
  const hostile = async (client: number) => {
    for (let i = client; performance.now() < end; i++) {
      await call(agent, 'POST', `${server.url}${ROUTES[i % ROUTES.length]}`, body);
      hostileRequests++;
    }
  };
  const latencies: number[] = [];
  const probe = async () => {
    while (performance.now() < end) {
      const sent = performance.now();
      await call(agent, 'GET', `${server.url}/healthz`);
      latencies.push(performance.now() - sent);
      await sleep(20);
    }
  };
  await Promise.all([probe(), ...Array.from({ length: clients }, (_, client) => hostile(client))]);
  agent.destroy();
  return { hostileRequests, healthP50Ms: percentile(latencies, 50), healthP99Ms: percentile(latencies, 99), healthProbes: latencies.length };
}
