import type { step } from '../../../bot/engine/step';

/**
 * A stand-in engine whose state shows progress: it numbers the person's messages.
 * "???" is not understood, "urgence" gets an emergency answer, "STOP" forgets the person.
 */
export const countingStep: typeof step = (state, input) => {
  const trace = { normalized: input.text, candidates: [], urgent: input.text === 'urgence' };
  if (input.text === 'STOP') return { state, replies: [{ text: 'Vos données sont effacées.' }], trace, forget: true };
  const count = Number(state.answers.count ?? 0) + 1;
  const understood = input.text !== '???';
  return {
    state: { ...state, answers: { ...state.answers, count: String(count) }, misses: understood ? 0 : state.misses + 1 },
    replies: [{ text: `Message n° ${count}`, urgent: trace.urgent || undefined }],
    trace: understood ? trace : { ...trace, fallback: 1 },
  };
};
