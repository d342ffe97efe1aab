// Channel events only: never a message text, a phone number or a platform user id (RGPD).
export function logEvent(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, string | number> = {}): void {
  console.log(JSON.stringify({ level, msg, ...fields }));
}
