// Channel-neutral replies of the engine: the engine produces these; channels only render them.
import type { Orientation } from '../knowledge/types';

export interface ChoiceOption {
  /** what the person sees: "En France" */
  label: string;
  /** what the channel sends back when chosen; the engine also accepts the label, its number, ordinal and synonyms */
  value: string;
}

/** One message from the bot. Text always reads well alone (SMS); choices and orientation add structure. */
export interface Reply {
  text: string;
  choices?: ChoiceOption[];
  orientation?: Orientation;
  urgent?: boolean;
  /** the reply's language (ISO 639-1) when not French: channels set `lang` (RGAA 8.7) */
  lang?: string;
  /** 'rtl' for a right-to-left language (Arabic) */
  dir?: 'rtl';
}
