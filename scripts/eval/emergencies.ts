import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { OrientResult } from '../../bot/engine/orient';

// The emergency evaluation set (test/eval/emergencies/, format in its README): real messages
// labelled `emergency: true|false` with the acceptable first lines. Scored on what the bot
// answers first: an emergency is caught when the answer is urgent (lines at once, or the
// question « Êtes-vous en danger maintenant ? », which names a line too), with a right line
// when that first line is one of the acceptable ones.

export const EMERGENCY_DIR = join(__dirname, '..', '..', 'test', 'eval', 'emergencies');
const EMERGENCY_PARTS = ['tuning.yaml', 'holdout.yaml'];

export interface EmergencyCase {
  text: string;
  emergency: boolean;
  situation?: string;
  /** acceptable first lines, best first */
  lines: string[];
  /** the page the text was copied from: its fragments go together when the set is split */
  url?: string;
}

export function loadEmergencyCases(path: string): EmergencyCase[] {
  const data = parse(readFileSync(path, 'utf8')) as { cases?: (Partial<EmergencyCase> & { source?: { url?: string } })[] };
  if (!Array.isArray(data?.cases)) throw new Error(`${path} : il manque la liste « cases ».`);
  return data.cases.map((c, i) => {
    if (typeof c?.text !== 'string' || typeof c.emergency !== 'boolean') throw new Error(`${path} : le cas ${i + 1} doit avoir « text » et « emergency ».`);
    return { text: c.text, emergency: c.emergency, situation: c.situation, lines: (c.lines ?? []).map(String), url: c.source?.url };
  });
}

export type Verdict = 'right line' | 'wrong line' | 'missed' | 'false alarm' | 'quiet';

export interface EmergencyOutcome {
  kase: EmergencyCase;
  verdict: Verdict;
  /** the first line the bot gave, if it answered as an emergency */
  line?: string;
  unsure: boolean;
}

export function judge(kase: EmergencyCase, answer: OrientResult): EmergencyOutcome {
  // when unsure, the question « Êtes-vous en danger maintenant ? » names its line first
  const line = answer.unsure ? answer.unsure.line : answer.urgent ? answer.needs[0]?.services[0]?.id : undefined;
  const unsure = answer.unsure !== undefined;
  if (!kase.emergency) return { kase, verdict: answer.urgent ? 'false alarm' : 'quiet', line, unsure };
  if (!answer.urgent) return { kase, verdict: 'missed', unsure };
  return { kase, verdict: line !== undefined && kase.lines.includes(line) ? 'right line' : 'wrong line', line, unsure };
}

const share = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)} % (${n}/${d})`);

export interface EmergencyReport {
  file: string;
  outcomes: EmergencyOutcome[];
}

/** Rows of the summary table: one per part. */
export function emergencyRows(reports: EmergencyReport[]): string[][] {
  const header = [
    'Fichier',
    'Urgences',
    'Bon numéro en premier',
    'Mauvais numéro',
    'Manquées',
    'dont question « en danger ? »',
    'Non-urgences',
    'Fausses alertes',
  ];
  return [
    header,
    ...reports.map(({ file, outcomes }) => {
      const emergencies = outcomes.filter((o) => o.kase.emergency);
      const others = outcomes.filter((o) => !o.kase.emergency);
      const count = (verdict: Verdict) => outcomes.filter((o) => o.verdict === verdict).length;
      return [
        file,
        String(emergencies.length),
        share(count('right line'), emergencies.length),
        share(count('wrong line'), emergencies.length),
        share(count('missed'), emergencies.length),
        String(outcomes.filter((o) => o.unsure && o.verdict !== 'quiet').length),
        String(others.length),
        share(count('false alarm'), others.length),
      ];
    }),
  ];
}

/** The errors of one part, to read (never to tune on, for the hold-out). */
export function emergencyErrors({ file, outcomes }: EmergencyReport): string[] {
  const wrong = outcomes.filter((o) => o.verdict !== 'right line' && o.verdict !== 'quiet');
  return [
    `\n${file} : urgences, erreurs (${wrong.length})`,
    ...wrong.map((o) => {
      const text = o.kase.text.length > 160 ? `${o.kase.text.slice(0, 157)}...` : o.kase.text;
      const expected = o.kase.emergency ? `[${o.kase.lines.join(', ')}] (${o.kase.situation ?? '?'})` : 'pas une urgence';
      return `  ${o.verdict} : « ${text} » attendu ${expected}, obtenu ${o.line ?? 'rien'}${o.unsure ? ' (question « en danger ? »)' : ''}`;
    }),
  ];
}

/** The parts that exist, in order (tuning first). */
export const emergencyFiles = (dir = EMERGENCY_DIR): { file: string; path: string }[] =>
  EMERGENCY_PARTS.map((name) => ({ file: `emergencies/${basename(name)}`, path: join(dir, name) })).filter((f) => existsSync(f.path));
