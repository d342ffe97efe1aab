import type { StoredHours } from '../../knowledge/annuaire/types';
import { HOURS_UNKNOWN, hoursLines, openingStatus } from '../../knowledge/hours/opening';
import { OFFICE } from './office-hours';

// Instants are given in UTC: Paris is UTC+1 in winter and UTC+2 in summer.
describe('opening hours, in Paris time', () => {
  it.each([
    // an ordinary winter week (January 2026: UTC+1)
    ['Monday 8 h 29', '2026-01-12T07:29:00Z', 'Fermé, ouvre à 8 h 30'],
    ['Monday 8 h 30', '2026-01-12T07:30:00Z', "Ouvert maintenant, jusqu'à 12 h"],
    ['Monday 11 h 59', '2026-01-12T10:59:00Z', "Ouvert maintenant, jusqu'à 12 h"],
    ['Monday noon', '2026-01-12T11:00:00Z', 'Fermé, rouvre à 13 h 30'],
    ['Monday 14 h', '2026-01-12T13:00:00Z', "Ouvert maintenant, jusqu'à 16 h"],
    ['Monday 16 h', '2026-01-12T15:00:00Z', 'Fermé, ouvre demain à 8 h 30'],
    ['Thursday evening', '2026-01-15T19:00:00Z', 'Fermé, ouvre demain à 8 h 30'],
    ['Friday 10 h', '2026-01-16T09:00:00Z', "Ouvert maintenant, jusqu'à 12 h"],
    ['Friday afternoon', '2026-01-16T13:00:00Z', 'Fermé, ouvre lundi à 8 h 30'],
    ['Saturday', '2026-01-17T10:00:00Z', 'Fermé, ouvre lundi à 8 h 30'],
    ['Sunday', '2026-01-18T10:00:00Z', 'Fermé, ouvre demain à 8 h 30'],
    ['Monday 0 h 30 in Paris, still Sunday in UTC', '2026-01-18T23:30:00Z', 'Fermé, ouvre à 8 h 30'],
    // summer (UTC+2)
    ['a July Tuesday 9 h', '2026-07-07T07:00:00Z', "Ouvert maintenant, jusqu'à 12 h"],
    ['a July Tuesday 7 h 30 (would be open if read as UTC)', '2026-07-07T05:30:00Z', 'Fermé, ouvre à 8 h 30'],
    // night of the change to summer time: Sunday 29 March 2026, 2 h -> 3 h
    ['the night of the spring change', '2026-03-29T01:30:00Z', 'Fermé, ouvre demain à 8 h 30'],
    ['Monday after the spring change, 8 h 45', '2026-03-30T06:45:00Z', "Ouvert maintenant, jusqu'à 12 h"],
    ['Monday after the spring change, 8 h 15', '2026-03-30T06:15:00Z', 'Fermé, ouvre à 8 h 30'],
    ['Friday before the spring change, 11 h 30', '2026-03-27T10:30:00Z', "Ouvert maintenant, jusqu'à 12 h"],
    // night of the change back to winter time: Sunday 25 October 2026, 3 h -> 2 h
    ['the night of the autumn change', '2026-10-25T00:30:00Z', 'Fermé, ouvre demain à 8 h 30'],
    ['Monday after the autumn change, 8 h 45', '2026-10-26T07:45:00Z', "Ouvert maintenant, jusqu'à 12 h"],
    ['Monday after the autumn change, 7 h 45 (8 h 45 in summer time)', '2026-10-26T06:45:00Z', 'Fermé, ouvre à 8 h 30'],
    // public holidays
    ["New Year's Day (a Thursday)", '2026-01-01T09:00:00Z', "Fermé, jour férié (Jour de l'an), ouvre demain à 8 h 30"],
    ['Easter Monday', '2026-04-06T08:00:00Z', 'Fermé, jour férié (Lundi de Pâques), ouvre demain à 8 h 30'],
    ['1 May (a Friday)', '2026-05-01T08:00:00Z', 'Fermé, jour férié (Fête du travail), ouvre lundi à 8 h 30'],
    ['Ascension Thursday', '2026-05-14T08:00:00Z', 'Fermé, jour férié (Ascension), ouvre demain à 8 h 30'],
    ['Whit Monday', '2026-05-25T08:00:00Z', 'Fermé, jour férié (Lundi de Pentecôte), ouvre demain à 8 h 30'],
    ['14 July (a Tuesday)', '2026-07-14T08:00:00Z', 'Fermé, jour férié (Fête Nationale), ouvre demain à 8 h 30'],
    ['the evening before 11 November', '2026-11-10T17:00:00Z', 'Fermé, ouvre jeudi à 8 h 30'],
    ['Christmas Eve afternoon, Christmas on Friday', '2026-12-24T16:00:00Z', 'Fermé, ouvre lundi à 8 h 30'],
    ['Good Friday outside Alsace-Moselle', '2026-04-03T08:00:00Z', "Ouvert maintenant, jusqu'à 12 h"],
    ['26 December outside Alsace-Moselle (a Saturday)', '2026-12-26T09:00:00Z', 'Fermé, ouvre lundi à 8 h 30'],
  ])('%s', (_label, instant, expected) => {
    expect(openingStatus(OFFICE, new Date(instant), '59')).toBe(expected);
  });

  it.each(['57', '67', '68'])('closes on Good Friday in département %s (Alsace-Moselle)', (departement) => {
    expect(openingStatus(OFFICE, new Date('2026-04-03T08:00:00Z'), departement)).toBe('Fermé, jour férié (Vendredi Saint), ouvre mardi à 8 h 30');
  });

  it('closes on 26 December in Alsace-Moselle', () => {
    // 2025: Christmas on Thursday, 26 December on Friday
    expect(openingStatus(OFFICE, new Date('2025-12-24T16:00:00Z'), '67')).toBe('Fermé, ouvre lundi à 8 h 30');
    expect(openingStatus(OFFICE, new Date('2025-12-24T16:00:00Z'), '59')).toBe('Fermé, ouvre vendredi à 8 h 30');
  });

  it('names the date when the next opening is more than a week away', () => {
    const mondaysOnly: StoredHours = { ranges: [{ from: 1, to: 1, slots: [[540, 720]] }], comments: [] };
    // Monday 6 April 2026 is Easter Monday: the next opening is Monday 13 April
    expect(openingStatus(mondaysOnly, new Date('2026-03-30T12:00:00Z'), '59')).toBe('Fermé, ouvre lundi 13 avril à 9 h');
  });

  it('handles ranges that run over the weekend', () => {
    const weekend: StoredHours = { ranges: [{ from: 6, to: 1, slots: [[600, 1080]] }], comments: [] };
    expect(openingStatus(weekend, new Date('2026-01-18T10:00:00Z'), '59')).toBe("Ouvert maintenant, jusqu'à 18 h");
    expect(openingStatus(weekend, new Date('2026-01-13T10:00:00Z'), '59')).toBe('Fermé, ouvre samedi à 10 h');
  });

  it('says when the hours are not known', () => {
    expect(openingStatus(undefined, new Date('2026-01-12T08:00:00Z'))).toBe(HOURS_UNKNOWN);
    expect(openingStatus({ ranges: [], comments: ['Sur rendez-vous'] }, new Date('2026-01-12T08:00:00Z'))).toBe('Horaires non communiqués');
  });

  it('writes the week as the annuaire gives it', () => {
    expect(hoursLines(OFFICE)).toEqual(['Lundi au jeudi : 8 h 30 - 12 h, 13 h 30 - 16 h', 'Vendredi : 8 h 30 - 12 h']);
  });
});
