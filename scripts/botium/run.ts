import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BotDriver } from 'botium-core';
import { ROOT } from '../../app/runtime';

// Runs Botium convo files with botium-core and the project's botium.json (SimpleRest
// connector) against a running bot, as a QA team's Botium would.

export interface BotiumResult {
  passed: string[];
  failed: { name: string; error: string }[];
}

/** botium.json's capabilities, pointed at `botUrl` (scheme, host and port of a running bot). */
function botiumCapabilities(botUrl: string): Record<string, unknown> {
  const caps = JSON.parse(readFileSync(join(ROOT, 'botium.json'), 'utf8')).botium.Capabilities as Record<string, unknown>;
  return { ...caps, SIMPLEREST_URL: String(caps.SIMPLEREST_URL).replace(/^https?:\/\/[^/]+/, botUrl.replace(/\/+$/, '')) };
}

/** Each convo of `convosDir` in its own container and conversation, one after the other: a failed convo leaves nothing behind for the next. */
export async function runConvos(convosDir: string, botUrl: string): Promise<BotiumResult> {
  const driver = new BotDriver(botiumCapabilities(botUrl));
  const compiler = driver.BuildCompiler();
  compiler.ReadScriptsFromDirectory(convosDir);
  compiler.ExpandConvos();
  const result: BotiumResult = { passed: [], failed: [] };
  for (const convo of compiler.convos) {
    const container = await driver.Build();
    try {
      await container.Start();
      await convo.Run(container);
      result.passed.push(convo.header.name);
    } catch (error) {
      result.failed.push({ name: convo.header.name, error: (error as Error).message.split('\n')[0] });
    } finally {
      await container.Stop();
      await container.Clean();
    }
  }
  return result;
}
