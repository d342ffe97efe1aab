import { twilioLibrary } from './twilio';
import type { OutgoingMessage } from '../render/render';

/** TwiML with one <Message> per SMS; an empty <Response/> sends nothing. */
export function twiml(messages: OutgoingMessage[]): string {
  const response = new (twilioLibrary().twiml.MessagingResponse)();
  for (const message of messages) response.message(message.text);
  return response.toString();
}
