import type express from 'express';
import type { AuditLog } from './audit';

/** GET /agent/api/audit: every edit, newest first; POST /agent/api/audit/:id/undo puts one back. */
export function auditRoutes(api: express.Router, audit: AuditLog, reload: () => void): void {
  api.get('/audit', (_req, res) => {
    res.json({ entries: audit.list() });
  });

  api.post('/audit/:id/undo', (req, res) => {
    const result = audit.undo(String(req.params.id), String(res.locals.agent));
    if (!result.ok) {
      res.status(409).json({ ok: false, message: result.message });
      return;
    }
    reload();
    res.json({ ok: true, message: `Annulé : ${result.entry.file} est revenu comme avant.`, entry: result.entry });
  });
}
