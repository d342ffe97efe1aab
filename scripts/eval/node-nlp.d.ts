// The little of node-nlp's API the benchmark uses (the package ships no types).
declare module 'node-nlp' {
  export class NlpManager {
    constructor(options: Record<string, unknown>);
    addDocument(language: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(language: string, text: string): Promise<{ intent?: string; score?: number; classifications?: { intent: string; score: number }[] }>;
  }
}
