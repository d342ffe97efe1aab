import type Twilio from 'twilio';

// twilio is a tenth of a start's module loading: read only by a process that serves SMS
// (smsRouter reads it as soon as the channel is configured), never by the others.

let loaded: typeof Twilio | undefined;

export function twilioLibrary(): typeof Twilio {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('twilio') as typeof Twilio;
  return loaded;
}
