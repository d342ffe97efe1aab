import type express from 'express';
import type { AuditLog } from './audit';
import { CONFLICT_MESSAGE, type SharedTrees } from '../trees/shared';

/** GET /agent/api/audit: every edit, newest first; POST /agent/api/audit/:id/undo puts one back, on every process. */
export function auditRoutes(api: express.Router, audit: AuditLog, trees: SharedTrees): void {
  api.get('/audit', (_req, res) => {
    res.json({ entries: audit.list() });
  });

  api.post('/audit/:id/undo', async (req, res) => {
    const id = String(req.params.id);
    const result = await trees.edit((sources) => audit.undoing(id, (file) => sources.find((s) => s.file === file)?.text));
    if (result.status === 'conflict') {
      res.status(409).json({ ok: false, message: CONFLICT_MESSAGE, version: result.version });
      return;
    }
    if (result.status === 'refused') {
      res.status(409).json({ ok: false, message: result.message });
      return;
    }
    const { file, before, after } = result.change;
    const entry = audit.record(String(res.locals.agent), `annulation de « ${audit.action(id)} »`, file, before, after, id);
    res.json({ ok: true, message: `Annulé : ${file} est revenu comme avant.`, entry, version: result.version });
  });
}
