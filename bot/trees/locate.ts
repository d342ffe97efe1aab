import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Position } from './types';

export type YamlPath = (string | number)[];

/**
 * Finds where a value of an intent was written (a phrase, a choice label...), for the
 * checks that run on loaded trees, whose positions stop at questions and outcomes.
 */
export class TreeLocator {
  private readonly files = new Map<string, { lines: LineCounter; intents: Map<string, Node> }>();

  constructor(sources: { file: string; text: string }[]) {
    for (const source of sources) {
      const lines = new LineCounter();
      const doc = parseDocument(source.text, { lineCounter: lines });
      const intents = new Map<string, Node>();
      const list = isMap(doc.contents) ? doc.contents.get('intents', true) : undefined;
      if (isSeq(list)) {
        for (const item of list.items) {
          if (!isMap(item)) continue;
          const id = item.get('id');
          if (typeof id === 'string') intents.set(id, item);
        }
      }
      this.files.set(source.file, { lines, intents });
    }
  }

  /** Position of the value at `path` inside the intent, or of its closest existing parent. */
  find(fallback: Position, intentId: string, path: YamlPath): Position {
    const file = this.files.get(fallback.file);
    let node = file?.intents.get(intentId);
    if (!file || !node) return fallback;
    for (const segment of path) {
      const child: unknown = isMap(node) || isSeq(node) ? node.get(segment, true) : undefined;
      if (!child || !(isMap(child) || isSeq(child) || isScalar(child))) break;
      node = child as Node;
    }
    const { line, col } = file.lines.linePos(node.range?.[0] ?? 0);
    return { file: fallback.file, line, column: col };
  }
}
