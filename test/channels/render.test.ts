import { CAPABILITIES } from '../../channels/capabilities';
import { gsm7Segments, smsSegments, toGsm7 } from '../../channels/render/gsm7';
import { render, splitText } from '../../channels/render/render';

const options = (n: number, label = (i: number) => `Choix ${i}`) => Array.from({ length: n }, (_, i) => ({ label: label(i + 1), value: `v${i + 1}` }));

describe('GSM-7', () => {
  test('keeps the French letters the alphabet has and transliterates the others', () => {
    expect(toGsm7('Été à Noël, ça coûte 5 € – l’aîné « Œuvre »…')).toBe('Été à Noel, ca coute 5 € - l\'ainé " OEuvre "...');
    expect(smsSegments(toGsm7('ç ê â î ô û ë ï œ À È Ê ’ « » … – NBSP\u00a0ici')).encoding).toBe('GSM-7');
  });

  test('the fast counter agrees with sms-segments-calculator', () => {
    const samples = ['a'.repeat(158) + '€', 'a'.repeat(159) + '€', '€'.repeat(80), 'a'.repeat(152) + '€' + 'b'.repeat(200), 'x'.repeat(459), 'x'.repeat(460)];
    const alphabet = "abcdeé àùÉÇ.,;:!?'-[]{}€^|~\\\n0123456789";
    for (let i = 0; i < 200; i++) {
      samples.push(Array.from({ length: 100 + ((i * 37) % 400) }, (_, j) => alphabet[(i * 7 + j * 13) % alphabet.length]).join(''));
    }
    for (const text of samples) expect(gsm7Segments(text)).toBe(smsSegments(text).segments);
  });

  test('counts segments like the reference vectors, ESC pairs included', () => {
    expect(smsSegments('a'.repeat(158) + '€').segments).toBe(1);
    expect(smsSegments('a'.repeat(159) + '€').segments).toBe(2);
    expect(smsSegments('€'.repeat(80)).segments).toBe(1);
    expect(smsSegments('a'.repeat(459)).segments).toBe(3);
    expect(smsSegments('a'.repeat(460)).segments).toBe(4);
  });
});

describe('choices by channel capability', () => {
  test('Messenger gets up to 13 quick replies titled in 20 characters', () => {
    const [message] = render([{ text: 'Lequel ?', choices: options(13) }], CAPABILITIES.messenger);
    expect(message.buttons).toHaveLength(13);
    expect(message.text).toBe('Lequel ?');
  });

  test('14 choices, or one title over 20 characters, become a numbered list', () => {
    for (const choices of [options(14), options(2, (i) => `Un choix bien trop long numéro ${i}`)]) {
      const [message] = render([{ text: 'Lequel ?', choices }], CAPABILITIES.messenger);
      expect(message.buttons).toBeUndefined();
      expect(message.text).toContain(`1 - ${choices[0].label}\n2 - ${choices[1].label}`);
    }
  });

  test('SMS always numbers the choices', () => {
    const [sms] = render([{ text: 'Où ?', choices: options(2) }], CAPABILITIES.sms);
    expect(sms).toEqual({ text: 'Où ?\n1 - Choix 1\n2 - Choix 2\nRépondez par le numéro.' });
  });
});

test('a text too long for the channel is cut after a sentence', () => {
  const sentence = 'Une phrase de quarante caractères juste. ';
  const pieces = splitText(sentence.repeat(20).trim(), { ...CAPABILITIES.messenger, maxTextLength: 200 });
  expect(pieces.length).toBeGreaterThan(1);
  for (const piece of pieces) {
    expect(piece.length).toBeLessThanOrEqual(200);
    expect(piece).toMatch(/juste\.$/);
  }
});
