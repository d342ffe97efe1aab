import type { ChoiceOption, Reply } from '../../bot/types';
import type { ChannelCapabilities } from '../capabilities';
import { smsSegmentCount, smsText } from './sms-text';
import { messagesFor } from '../../bot/lang/catalog';
import type { Messages } from '../../bot/messages';
import { type Block, orientationBlocks } from './orientation';

/** One message as a channel sends it: text, and buttons when the channel has them. */
export interface OutgoingMessage {
  text: string;
  buttons?: { title: string; value: string }[];
}

const fitsAsButtons = (choices: ChoiceOption[], caps: ChannelCapabilities) =>
  caps.buttons && choices.length <= caps.maxButtons && choices.every((c) => c.label.length <= caps.maxButtonTitleLength);

/** Numbered list: the engine accepts a choice's number as its answer. */
const numberedChoices = (choices: ChoiceOption[], say: Messages): Block => ({
  text: `${choices.map((c, i) => `${i + 1} - ${c.label}`).join('\n')}\n${say.answerByNumber}`,
  drop: 0,
});

function fits(text: string, caps: ChannelCapabilities): boolean {
  if (caps.charset === 'gsm7') return smsSegmentCount(text) <= (caps.maxSegments ?? 1);
  return text.length <= caps.maxTextLength;
}

const join = (blocks: Block[], caps: ChannelCapabilities) => blocks.map((b) => b.text).join(caps.paragraphBreak);

/** Drops the least useful paragraphs, one at a time, until the text fits. */
function shorten(blocks: Block[], caps: ChannelCapabilities): Block[] {
  let kept = blocks;
  while (!fits(join(kept, caps), caps)) {
    const worst = Math.max(...kept.map((b) => b.drop));
    if (worst === 0) break;
    const index = kept.findIndex((b) => b.drop === worst);
    kept = kept.filter((_, i) => i !== index);
  }
  return kept;
}

/** Pieces no longer than the channel allows, cut after a sentence, else after a word. */
export function splitText(text: string, caps: ChannelCapabilities): string[] {
  if (fits(text, caps)) return [text];
  // a sentence ends with . ! ? before a space or the end ("Service-Public.fr" is one word), with
  // Chinese 。！？ (no space follows them), or a line break
  const sentences = text.match(/(?:[^.!?؟。！？\n]|[.!?؟](?!\s|$))+(?:[.!?؟。！？]+|\n+|$)\s*/gu) ?? [text];
  const pieces: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim()) pieces.push(current.trim());
    current = '';
  };
  for (const sentence of sentences) {
    if (fits(current + sentence, caps)) {
      current += sentence;
      continue;
    }
    push();
    if (fits(sentence, caps)) {
      current = sentence;
      continue;
    }
    for (const word of sentence.split(/(?<=\s)/)) {
      if (!fits(current + word, caps)) push();
      current += word;
    }
  }
  push();
  return pieces;
}

/** `textDrop`: how readily the reply's own text may go when the turn is too long. */
function replyBlocks(reply: Reply, caps: ChannelCapabilities, textDrop = 0): { blocks: Block[]; buttons?: ChoiceOption[] } {
  // reply.text already tells the orientation in plain words; the blocks say it in this channel's terms.
  const say = messagesFor(reply.lang);
  const blocks: Block[] = reply.orientation ? orientationBlocks(reply.orientation, caps, say, reply.lang) : [{ text: reply.text, drop: textDrop }];
  const choices = reply.choices ?? [];
  if (!choices.length) return { blocks };
  if (fitsAsButtons(choices, caps)) return { blocks, buttons: choices };
  return { blocks: [...blocks, numberedChoices(choices, say)] };
}

/** Paragraphs a reader needs whatever the channel: where to go, why, what to bring. */
const ESSENTIAL_DROP = 2;

/**
 * SMS segments that a reply's essential paragraphs take, before anything is dropped: more
 * than the channel allows means some of what an agent wrote is cut on basic phones.
 */
export function essentialSegments(reply: Reply, caps: ChannelCapabilities): number {
  const essential = replyBlocks(reply, caps).blocks.filter((b) => b.drop <= ESSENTIAL_DROP);
  return smsSegmentCount(join(essential, caps));
}

function renderReply(reply: Reply, caps: ChannelCapabilities): OutgoingMessage[] {
  const { blocks, buttons } = replyBlocks(reply, caps);
  const pieces = splitText(join(shorten(blocks, caps), caps), caps);
  return pieces.map((text, i) => ({
    text,
    ...(buttons && i === pieces.length - 1 ? { buttons: buttons.map((c) => ({ title: c.label, value: c.value })) } : {}),
  }));
}

/**
 * The engine's replies in a channel's terms. On SMS the replies of one turn share one
 * budget and are merged into as few messages as possible, because separate SMS may arrive
 * out of order.
 */
export function render(replies: Reply[], caps: ChannelCapabilities): OutgoingMessage[] {
  if (caps.charset !== 'gsm7') return replies.flatMap((reply) => renderReply(reply, caps));
  if (!replies.length) return [];
  // a follow-up after an orientation ("Avez-vous une autre question ?") goes before the orientation does
  const blocks = replies.flatMap((reply, i) => {
    const followsOrientation = replies.slice(0, i).some((previous) => previous.orientation);
    return replyBlocks(reply, caps, followsOrientation && !reply.choices?.length ? 1 : 0).blocks;
  });
  return splitText(smsText(join(shorten(blocks, caps), caps)), caps).map((text) => ({ text }));
}
