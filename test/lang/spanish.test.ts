import path from 'node:path';
import { Conversations } from '../../bot/conversation';
import { MemoryStateStore } from '../../bot/state/memory';
import { TreeRegistry } from '../../bot/trees/registry';
import type { Reply } from '../../bot/types';
import { CAPABILITIES } from '../../channels/capabilities';
import { render } from '../../channels/render/render';
import { smsSegmentCount } from '../../channels/render/sms-text';
import { testKnowledge } from '../channels/support/knowledge';

// A newcomer writes in Spanish, on the web chat and by SMS, with the bundled trees and their
// Spanish translation (dialogs/lang/es/): understood, asked and oriented in Spanish, the office
// named in French as on its door with a gloss, the source line saying the official text is
// French; an emergency written in Spanish gets its number first. Portuguese is not Spanish.

jest.setTimeout(60_000);

const knowledge = testKnowledge();
const registry = new TreeRegistry(path.join(__dirname, '..', '..', 'dialogs'), knowledge);
const conversations = () => new Conversations(new MemoryStateStore(60_000), () => ({ ...registry.current, knowledge }), 'lang-es-test');
const texts = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

describe('a Spanish conversation from the first message to an orientation', () => {
  test('on the web chat: the question and the orientation in Spanish, marked lang="es"', async () => {
    const chat = conversations();
    const asked = await chat.turn('rest', 'web-es-1', 'Hola, mi tarjeta de residencia caduca el mes que viene, ¿qué tengo que hacer?');
    expect(asked).toEqual([
      {
        text: '¿Vive en París?',
        choices: [expect.objectContaining({ label: 'No, en otro lugar de Francia' }), expect.objectContaining({ label: 'Sí, en París' })],
        lang: 'es',
      },
    ]);

    const oriented = await chat.turn('rest', 'web-es-1', 'no, vivo en Lyon');
    const card = oriented.find((r) => r.orientation);
    expect(card?.lang).toBe('es');
    expect(card?.orientation?.title).toBe('Permiso de residencia (primera solicitud, renovación)');
    expect(card?.orientation?.services[0].name).toBe('Préfecture (oficina del Estado, permisos de residencia)');
    expect(card?.orientation?.why).toMatch(/^El permiso de residencia se pide en la préfecture de su departamento/);
    expect(card?.text).toMatch(/acuda a Préfecture \(oficina del Estado, permisos de residencia\)/);
    expect(card?.text).toMatch(/El texto oficial está en francés\. Fuente: Service-Public\.fr F2231/);
    expect(oriented[oriented.length - 1]).toEqual({ text: '¿Tiene otra pregunta? Descríbala en pocas palabras.', lang: 'es' });
  });

  test('by SMS: numbered choices answered by number, the accents GSM-7 lacks (á í ó ú) dropped, within three segments', async () => {
    const sms = conversations();
    const [question] = render(await sms.turn('sms', '+33600000091', 'Hola, perdí mi carte vitale, ¿qué hago?'), CAPABILITIES.sms);
    expect(question.text).toBe('¿Trabaja en la agricultura (agricultor o empleado agricola)?\n1 - No\n2 - Si, en la agricultura\nResponda con el numero.');

    const answer = render(await sms.turn('sms', '+33600000091', '1'), CAPABILITIES.sms);
    const [title, office] = answer[0].text.split('\n');
    expect(title).toBe('Carte Vitale, tarjeta del seguro de salud (pérdida, robo, actualizacion)');
    expect(office).toBe("Caisse primaire d'assurance maladie (CPAM) (seguro de salud)");
    expect(texts(answer)).toContain('El texto oficial esta en francés. Fuente: Service-Public.fr F265, 14 de octubre de 2020.');
    for (const message of [question, ...answer]) expect(smsSegmentCount(message.text)).toBeLessThanOrEqual(3);
  });

  test('an emergency written in Spanish comes first, with its number, in Spanish', async () => {
    const replies = await conversations().turn('rest', 'web-es-2', 'mi marido me está pegando ahora mismo');
    expect(replies[0]).toMatchObject({ urgent: true, lang: 'es' });
    expect(replies[0].orientation?.title).toBe('Violencia de la pareja, en peligro');
    expect(replies[0].text).toContain('Llame al 17 o al 112: vendrá la policía o la gendarmería. Si no puede hablar, envíe un SMS al 114.');
  });

  test('commands in Spanish: AYUDA, then BORRAR forgets the conversation', async () => {
    const chat = conversations();
    await chat.turn('rest', 'web-es-3', 'perdí mi pasaporte');
    expect(texts(await chat.turn('rest', 'web-es-3', 'ayuda'))).toMatch(/^Describa su problema en pocas palabras/);
    expect(texts(await chat.turn('rest', 'web-es-3', 'borrar'))).toBe(
      'Hecho: nuestra conversación está borrada y no guardo nada sobre usted. Para empezar otra vez, escriba su pregunta.',
    );
  });
});
