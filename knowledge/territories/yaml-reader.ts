import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';

// Reads the YAML of a territory pack field by field, noting each problem at the line and
// column where the agent wrote it (file:line:column, as `npm run validate` prints them).

export interface TerritoryProblem {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** One YAML map of the file, with the fields it may hold; unknown fields are reported. */
export class YamlFields {
  private readonly pairs = new Map<string, { key: Node; value: Node | null }>();

  constructor(
    private readonly reader: YamlReader,
    readonly node: Node,
    what: string,
    allowed: string[],
  ) {
    for (const pair of (node as YAMLMap).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        reader.problem(pair.key as Node, 'error', `champ inconnu « ${key} » dans ${what}. Champs possibles : ${allowed.join(', ')}.`);
        continue;
      }
      this.pairs.set(key, { key: pair.key as Node, value: pair.value as Node | null });
    }
  }

  has(key: string): boolean {
    return this.pairs.has(key);
  }

  /** Where the field's value was written, or the map itself when it is absent. */
  at(key: string): Node {
    const pair = this.pairs.get(key);
    return pair?.value ?? pair?.key ?? this.node;
  }

  private missing(key: string, required: string | undefined): undefined {
    if (required) this.reader.problem(this.node, 'error', `il manque le champ « ${key} » (${required}).`);
    return undefined;
  }

  /** A non-empty text; `required` explains the field when it is missing. */
  text(key: string, required?: string): string | undefined {
    const pair = this.pairs.get(key);
    if (!pair) return this.missing(key, required);
    const node = pair.value;
    if (!isScalar(node) || node.value === null || typeof node.value === 'object' || String(node.value).trim() === '') {
      this.reader.problem(node ?? pair.key, 'error', `le champ « ${key} » doit être un texte non vide.`);
      return undefined;
    }
    return String(node.value).trim();
  }

  /** A list of texts (a single text is a list of one), each with where it was written. */
  texts(key: string, required?: string): Array<{ value: string; node: Node }> | undefined {
    const pair = this.pairs.get(key);
    if (!pair) return this.missing(key, required);
    const node = pair.value;
    const items = isSeq(node) ? (node.items as Node[]) : isScalar(node) && node.value !== null ? [node] : undefined;
    if (!items) {
      this.reader.problem(node ?? pair.key, 'error', `le champ « ${key} » doit être une liste, par exemple [a, b].`);
      return undefined;
    }
    const values: Array<{ value: string; node: Node }> = [];
    for (const item of items) {
      if (isScalar(item) && item.value !== null && typeof item.value !== 'object') values.push({ value: String(item.value).trim(), node: item });
      else this.reader.problem(item ?? node, 'error', `chaque élément de « ${key} » doit être un texte.`);
    }
    return values;
  }

  /** An ISO date (AAAA-MM-JJ), not in the future. */
  date(key: string, required: string | undefined, today: string): string | undefined {
    const pair = this.pairs.get(key);
    if (!pair) return this.missing(key, required);
    const raw = isScalar(pair.value) ? pair.value.value : undefined;
    const value = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw ?? '');
    if (!DATE_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
      this.reader.problem(pair.value ?? pair.key, 'error', `le champ « ${key} » doit être une date au format AAAA-MM-JJ (ex. 2026-11-02).`);
      return undefined;
    }
    if (value > today) {
      this.reader.problem(pair.value ?? pair.key, 'error', `la date « ${value} » du champ « ${key} » est dans le futur.`);
      return undefined;
    }
    return value;
  }

  /** A nested map, or a list of maps, read with its own allowed fields. */
  map(key: string, what: string, allowed: string[], required?: string): YamlFields | undefined {
    const pair = this.pairs.get(key);
    if (!pair) return this.missing(key, required);
    return this.reader.fields(pair.value, what, allowed);
  }

  list(key: string): Node[] {
    const pair = this.pairs.get(key);
    if (!pair) return [];
    if (!isSeq(pair.value)) {
      this.reader.problem(pair.value ?? pair.key, 'error', `le champ « ${key} » doit être une liste, un élément par « - ».`);
      return [];
    }
    return pair.value.items as Node[];
  }
}

/** One YAML file: its root map, and the problems found while reading it. */
export class YamlReader {
  private readonly lines = new LineCounter();
  readonly root: Node | null;

  constructor(
    readonly file: string,
    text: string,
    readonly problems: TerritoryProblem[],
  ) {
    const doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const error of doc.errors) {
      this.problemAt(error.pos[0], 'error', `YAML mal formé : ${error.message.split('\n')[0]}`);
    }
    this.root = doc.errors.length > 0 ? null : (doc.contents as Node | null);
  }

  private problemAt(offset: number, severity: TerritoryProblem['severity'], message: string): void {
    const { line, col } = this.lines.linePos(offset);
    this.problems.push({ file: this.file, line, column: col, severity, message });
  }

  problem(node: Node | null | undefined, severity: TerritoryProblem['severity'], message: string): void {
    this.problemAt(node?.range?.[0] ?? 0, severity, message);
  }

  fields(node: Node | null | undefined, what: string, allowed: string[]): YamlFields | undefined {
    if (!isMap(node)) {
      this.problem(node, 'error', `${what} doit être un bloc de champs « nom: valeur ».`);
      return undefined;
    }
    return new YamlFields(this, node, what, allowed);
  }
}
