import type { StoredHours } from '../../knowledge/annuaire/types';

// Monday to Thursday 8 h 30 - 12 h and 13 h 30 - 16 h, Friday 8 h 30 - 12 h.
export const OFFICE: StoredHours = {
  ranges: [
    {
      from: 1,
      to: 4,
      slots: [
        [510, 720],
        [810, 960],
      ],
    },
    { from: 5, to: 5, slots: [[510, 720]] },
  ],
  comments: ['Sur rendez-vous le vendredi.'],
};
