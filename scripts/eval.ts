// `npm run eval -- <cases.yaml> [more.yaml...]`: accuracy of the orientation bot on case
// files (shared/eval/dev.yaml format), next to nlp.js and a fuse.js-only matcher trained on
// the same phrases of the same curated trees, with the time each takes per message; then the
// emergency set of test/eval/emergencies/ (tuning and hold-out parts).
// `--emergencies` runs the emergency set alone, or the emergency case files named with it (a fresh
// batch, scored before it joins the set); `--orientation-only` skips the baselines (the
// slow part: nlp.js training); `--holdout-errors` also lists the hold-out's errors (read them to
// report, never to tune); `--fresh` hides the errors of every file named, as for a hold-out: a new
// batch is scored once before part of it joins a hold-out. Files under a `lang/<code>/` folder are
// summed up per language.
import { basename, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBrain } from '../app/runtime';
import { orient } from '../bot/engine/orient';
import { buildMatcher, type Matcher } from '../bot/nlu/matcher';
import type { Intent } from '../bot/trees/types';
import { EMERGENCY_LINES, loadCases, serviceComparer, type EvalCase } from './eval/cases';
import { score, type Score } from './eval/score';
import { buildBm25, buildFuseOnly, buildNlpJs, intentServices, type System, type SystemAnswer } from './eval/systems';
import { emergencyErrors, emergencyFiles, emergencyRows, judge, loadEmergencyCases, type EmergencyReport } from './eval/emergencies';

interface Outcome extends Score {
  kase: EvalCase;
  theme: string;
  answer: SystemAnswer;
}

interface Report {
  system: string;
  file: string;
  outcomes: Outcome[];
  msPerMessage: number;
}

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const emergenciesOnly = process.argv.includes('--emergencies');
const showHoldoutErrors = process.argv.includes('--holdout-errors');
const freshBatch = process.argv.includes('--fresh');
/** A hold-out's texts, or a fresh batch's, are not printed: nobody tunes on what they cannot read. */
const hidesErrors = (file: string) => (freshBatch || file.includes('holdout')) && !showHoldoutErrors;
const orientationOnly = process.argv.includes('--orientation-only');
if (files.length === 0 && !emergenciesOnly) {
  console.error('Usage : npm run eval -- <cas.yaml> [autres.yaml...]');
  process.exit(2);
}

const loadStart = performance.now();
const { knowledge, registry } = loadBrain();
const loadMs = performance.now() - loadStart;
const { trees } = registry.current;
const same = serviceComparer((id) => knowledge.canonicalServiceId(id));
const curated = trees.intents.filter((i) => !i.generated);

function orientationSystem(name: string, matcher: Matcher): System {
  return {
    name,
    async answer(text) {
      const result = orient(text, { trees, matcher, knowledge });
      return {
        understood: result.understood,
        urgent: result.urgent,
        needs: result.needs.map((n) => n.services.map((s) => s.id)),
      };
    },
  };
}
const orientation = orientationSystem('Orientation', registry.current.matcher);

/** The theme a case belongs to: the curated theme whose services best cover what it expects. */
function themeOf(kase: EvalCase): string {
  const expected = new Set(kase.expect.map(same));
  if (expected.has('none')) return 'hors sujet';
  if (kase.expect.some((id) => EMERGENCY_LINES.has(id))) return 'urgences';
  let best: Intent | undefined;
  let bestOverlap = 0;
  for (const intent of curated) {
    const services = intentServices(intent);
    const shared = services.filter((s) => expected.has(same(s))).length;
    const overlap = shared / (services.length + expected.size - shared);
    if (overlap > bestOverlap) [best, bestOverlap] = [intent, overlap];
  }
  return best?.theme ?? 'autre';
}

/** Timed passes per system; the fastest counts, since other work on the machine only adds time. */
const TIMED_PASSES = 3;
const TIMING_BUDGET_MS = 3000;

async function run(system: System, file: string, cases: EvalCase[]): Promise<Report> {
  // One untimed pass first, so that every system is measured warm (caches, JIT), as in service.
  const answers: SystemAnswer[] = [];
  for (const kase of cases) answers.push(await system.answer(kase.text));
  let fastest = Infinity;
  const timingStart = performance.now();
  // A slow system on a big file gets one timed pass only: its figure is as clear, and the run ends.
  for (let pass = 0; pass < TIMED_PASSES && (pass === 0 || performance.now() - timingStart < TIMING_BUDGET_MS); pass++) {
    const start = performance.now();
    for (const kase of cases) await system.answer(kase.text);
    fastest = Math.min(fastest, performance.now() - start);
  }
  const outcomes = cases.map((kase, i) => ({ kase, theme: themeOf(kase), answer: answers[i], ...score(kase, answers[i], same) }));
  return { system: system.name, file, outcomes, msPerMessage: fastest / Math.max(cases.length, 1) };
}

const ratio = (n: number, d: number) => (d === 0 ? '-' : `${(n / d).toFixed(2)} (${n}/${d})`);

function summary(r: Report) {
  const needs = r.outcomes.filter((o) => o.kind !== 'none');
  const none = r.outcomes.filter((o) => o.kind === 'none');
  const urgent = r.outcomes.filter((o) => o.kind === 'emergency');
  return {
    hit1: ratio(needs.filter((o) => o.hit1).length, needs.length),
    hit3: ratio(needs.filter((o) => o.hit3).length, needs.length),
    refused: ratio(none.filter((o) => o.hit1).length, none.length),
    emergencies: ratio(urgent.filter((o) => o.hit1).length, urgent.length),
    ms: r.msPerMessage < 0.1 ? r.msPerMessage.toFixed(3) : r.msPerMessage.toFixed(2),
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

function emergencyReport() {
  const parts = emergenciesOnly && files.length > 0 ? files.map((path) => ({ file: `${basename(dirname(path))}/${basename(path)}`, path })) : emergencyFiles();
  const reports: EmergencyReport[] = parts.map(({ file, path }) => ({
    file,
    outcomes: loadEmergencyCases(path).map((kase) => judge(kase, orient(kase.text, { trees, matcher: registry.current.matcher, knowledge }))),
  }));
  if (reports.length === 0) return;
  console.log(`\nUrgences (test/eval/emergencies/) : premier numéro donné, ou nommé par la question « Êtes-vous en danger maintenant ? »`);
  console.log(table(emergencyRows(reports)));
  for (const report of reports) {
    if (!hidesErrors(report.file)) console.log(emergencyErrors(report).join('\n'));
    else {
      const bySituation = new Map<string, number>();
      for (const o of report.outcomes.filter((o) => o.verdict !== 'right line' && o.verdict !== 'quiet')) {
        const key = `${o.verdict} ${o.kase.situation ?? ''}`.trim();
        bySituation.set(key, (bySituation.get(key) ?? 0) + 1);
      }
      console.log(`\n${report.file} : erreurs par situation (textes non affichés ; --holdout-errors les montre)`);
      for (const [key, n] of [...bySituation].sort()) console.log(`  ${key} : ${n}`);
    }
  }
}

async function main() {
  if (emergenciesOnly) return emergencyReport();
  // The folder tells apart files of the same name (lang/ar/tuning.yaml, lang/ru/tuning.yaml).
  const caseFiles = files.map((file) => ({ file: `${basename(dirname(file))}/${basename(file)}`, cases: loadCases(file) }));
  const trainStart = performance.now();
  const nlp = orientationOnly ? undefined : await buildNlpJs(curated);
  const nlpTrainMs = performance.now() - trainStart;
  // The same engine on the curated needs only: the baselines' training set, like for like.
  const curatedOnly = orientationSystem('Orientation, besoins rédigés seuls', buildMatcher(curated));
  const systems = nlp ? [orientation, curatedOnly, nlp, buildBm25(curated), buildFuseOnly(curated)] : [orientation];

  const reports: Report[] = [];
  for (const { file, cases } of caseFiles) for (const system of systems) reports.push(await run(system, file, cases));

  console.log(
    `Besoins chargés : ${trees.intents.length} (${curated.length} rédigés à la main, les autres générés depuis Service-Public.fr), en ${(loadMs / 1000).toFixed(1)} s.`,
  );
  if (nlp)
    console.log(
      `nlp.js et fuse.js sont entraînés sur les phrases des ${curated.length} besoins rédigés (entraînement nlp.js : ${(nlpTrainMs / 1000).toFixed(1)} s).\n`,
    );
  const header = ['Fichier', 'Système', 'hit@1', 'hit@3', 'Hors sujet refusés', 'Urgences détectées', 'ms / message'];
  console.log(
    table([
      header,
      ...reports.map((r) => {
        const s = summary(r);
        return [r.file, r.system, s.hit1, s.hit3, s.refused, s.emergencies, s.ms];
      }),
    ]),
  );

  for (const report of reports.filter((r) => r.system === orientation.name)) {
    const themes = new Map<string, Outcome[]>();
    for (const o of report.outcomes) themes.set(o.theme, [...(themes.get(o.theme) ?? []), o]);
    console.log(`\n${report.file}, ${report.system} : résultats par thème (hit@1)`);
    console.log(
      table([
        ['Thème', 'hit@1'],
        ...[...themes].sort(([a], [b]) => a.localeCompare(b)).map(([theme, list]) => [theme, ratio(list.filter((o) => o.hit1).length, list.length)]),
      ]),
    );
    const misses = report.outcomes.filter((o) => !o.hit1);
    console.log(`\n${report.file}, ${report.system} : erreurs (${misses.length})`);
    if (hidesErrors(report.file)) {
      console.log('  (textes non affichés : --holdout-errors)');
      continue;
    }
    for (const miss of misses) {
      const got = miss.answer.understood ? miss.answer.needs[0]?.join(', ') : 'pas compris';
      console.log(`  « ${miss.kase.text} » attendu [${miss.kase.expect.join(', ')}], obtenu [${got}]`);
    }
  }
  languageReport(reports.filter((r) => r.system === orientation.name));
  emergencyReport();
}

/** One line per language for the files under `lang/<code>/`: tuning and hold-out side by side. */
function languageReport(reports: Report[]) {
  const byLanguage = new Map<string, Report[]>();
  files.forEach((path, i) => {
    const code = /(?:^|\/)lang\/([a-z]{2,3})\//.exec(path)?.[1];
    if (code) byLanguage.set(code, [...(byLanguage.get(code) ?? []), reports[i]]);
  });
  if (byLanguage.size === 0) return;
  const part = (list: Report[], name: string) => {
    const r = list.find((report) => basename(report.file) === name);
    return r ? [summary(r).hit1, summary(r).hit3] : ['-', '-'];
  };
  console.log(`\nPar langue (Orientation) :`);
  console.log(
    table([
      ['Langue', 'Réglage hit@1', 'Réglage hit@3', 'Hors échantillon hit@1', 'Hors échantillon hit@3'],
      ...[...byLanguage].map(([code, list]) => [code, ...part(list, 'tuning.yaml'), ...part(list, 'holdout.yaml')]),
    ]),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
