// The part of botium-core (no types of its own) that scripts/botium/run.ts uses.
declare module 'botium-core' {
  interface Convo {
    header: { name: string };
    Run(container: Container): Promise<unknown>;
  }
  interface Compiler {
    ReadScriptsFromDirectory(dir: string): void;
    ExpandConvos(): void;
    convos: Convo[];
  }
  interface Container {
    Start(): Promise<void>;
    Stop(): Promise<void>;
    Clean(): Promise<void>;
  }
  export class BotDriver {
    constructor(caps?: Record<string, unknown>);
    BuildCompiler(): Compiler;
    Build(): Promise<Container>;
  }
}
