import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { StoreStatus } from '../../bot/state/types';
import type { TurnOutcome } from '../../bot/conversation';
import type { AnnuaireStatus } from '../../knowledge/types';
import { STALE_AFTER_DAYS } from '../../knowledge/annuaire/freshness';

/**
 * Prometheus metrics of one process: turns, their latency, fallbacks and emergencies per
 * channel, the state store's health, and Node's own process metrics (memory, event loop).
 */
export function createMetrics(storeStatus: () => StoreStatus, annuaireStatus?: () => AnnuaireStatus) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['channel'] as const;

  const turns = new Counter({
    name: 'orientation_turns_total',
    help: 'Messages handled, by channel and outcome',
    labelNames: ['channel', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'orientation_turn_duration_seconds',
    help: 'Time to answer one message (state load, engine, state save)',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: 'orientation_fallbacks_total',
    help: 'Messages the bot did not understand',
    labelNames,
    registers: [registry],
  });
  const emergencies = new Counter({
    name: 'orientation_emergencies_total',
    help: 'Answers that gave an emergency line',
    labelNames,
    registers: [registry],
  });
  new Gauge({
    name: 'orientation_state_store_up',
    help: '1 when the conversation state store is reachable',
    registers: [registry],
    collect() {
      this.set(storeStatus() === 'ok' ? 1 : 0);
    },
  });

  if (annuaireStatus) {
    new Gauge({
      name: 'orientation_annuaire_offices',
      help: 'Offices in the imported annuaire (0: none imported, answers give lookup links)',
      registers: [registry],
      collect() {
        this.set(annuaireStatus().offices);
      },
    });
    new Gauge({
      name: 'orientation_annuaire_data_age_days',
      help: `Days since the newest record of the imported annuaire; refresh past ${STALE_AFTER_DAYS}`,
      registers: [registry],
      collect() {
        this.reset();
        const { ageDays } = annuaireStatus();
        if (ageDays !== undefined) this.set(ageDays);
      },
    });
  }

  return {
    registry,
    observeTurn(event: TurnOutcome) {
      turns.inc({ channel: event.channel, status: event.status });
      latency.observe({ channel: event.channel }, event.durationMs / 1000);
      if (event.fallback) fallbacks.inc({ channel: event.channel });
      if (event.urgent) emergencies.inc({ channel: event.channel });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** /metrics for Prometheus: with a token, only to requests bearing it (Authorization: Bearer). */
export function metricsHandler(registry: Registry, token?: string): express.RequestHandler {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  return async (req, res) => {
    if (expected && !timingSafeEqual(expected, digest(req.header('authorization') ?? ''))) {
      res.status(401).json({ error: 'Unauthorized.' });
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}

/** METRICS_PORT: /metrics alone on a port of its own, for an internal network the public never reaches. */
export function listenMetrics(registry: Registry, port: number, host: string): Server {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(registry));
  return app.listen(port, host);
}
