import pino from 'pino';
import type { Config } from '../config';

/**
 * JSON logs on stdout. Callers log ids and outcomes, never what people wrote nor their numbers;
 * the redaction below is a second line of defence for fields that must never appear.
 */
export function createLogger(level: Config['logLevel']) {
  return pino({
    level,
    base: { pid: process.pid },
    redact: {
      paths: ['text', 'body', 'from', 'phone', 'userId', '*.text', '*.body', '*.from', '*.phone', '*.userId'],
      censor: '[redacted]',
    },
  });
}

export type { Logger } from 'pino';
