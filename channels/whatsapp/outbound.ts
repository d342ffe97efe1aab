import { MESSAGES } from '../../bot/messages';
import type { OutgoingMessage } from '../render/render';

// Cloud API message bodies. The renderer gives text and at most 10 choices titled in 24
// characters (CAPABILITIES.whatsapp); here they become reply buttons when WhatsApp allows
// them, else a list the person opens with one tap.

const REPLY_BUTTONS = { max: 3, titleLength: 20, bodyLength: 1024 };

const envelope = (to: string) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to });

type Button = NonNullable<OutgoingMessage['buttons']>[number];

const fitReplyButtons = (text: string, buttons: Button[]) =>
  buttons.length <= REPLY_BUTTONS.max && text.length <= REPLY_BUTTONS.bodyLength && buttons.every((b) => b.title.length <= REPLY_BUTTONS.titleLength);

/** The body POSTed to /<phone number id>/messages for one rendered message. */
export function whatsappMessage(to: string, message: OutgoingMessage): object {
  const { text, buttons } = message;
  if (!buttons?.length) return { ...envelope(to), type: 'text', text: { preview_url: false, body: text } };
  if (fitReplyButtons(text, buttons)) {
    const replies = buttons.map((b) => ({ type: 'reply', reply: { id: b.value, title: b.title } }));
    return { ...envelope(to), type: 'interactive', interactive: { type: 'button', body: { text }, action: { buttons: replies } } };
  }
  const rows = buttons.map((b) => ({ id: b.value, title: b.title }));
  return {
    ...envelope(to),
    type: 'interactive',
    interactive: { type: 'list', body: { text }, action: { button: MESSAGES.showChoices, sections: [{ rows }] } },
  };
}
