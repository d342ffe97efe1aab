import { bundledConversations, commandTests, emergencyTest, newcomerTests } from '../helpers/newcomer';

// A newcomer writes in Spanish, on the web chat and by SMS, with the bundled trees and their
// Spanish translation (dialogs/lang/es/): understood, asked and oriented in Spanish, the office
// named in French as on its door with a gloss, the source line saying the official text is
// French; an emergency written in Spanish gets its number first. By SMS, the accents GSM-7 lacks
// (á í ó ú) are dropped.

jest.setTimeout(60_000);

const conversations = bundledConversations('lang-es-test');

describe('a Spanish conversation from the first message to an orientation', () => {
  newcomerTests(
    {
      name: 'Spanish',
      lang: 'es',
      first: 'Hola, mi tarjeta de residencia caduca el mes que viene, ¿qué tengo que hacer?',
      question: '¿Vive en París?',
      choices: ['No, en otro lugar de Francia', 'Sí, en París'],
      answer: 'no, vivo en Lyon',
      title: 'Permiso de residencia (primera solicitud, renovación)',
      office: 'Préfecture (oficina del Estado, permisos de residencia)',
      why: 'El permiso de residencia se pide en la préfecture de su departamento',
      officialText: 'El texto oficial está en francés. Fuente: Service-Public.fr F2231',
      another: '¿Tiene otra pregunta? Descríbala en pocas palabras.',
      sms: {
        first: 'Hola, perdí mi carte vitale, ¿qué hago?',
        question: '¿Trabaja en la agricultura (agricultor o empleado agricola)?\n1 - No\n2 - Si, en la agricultura\nResponda con el numero.',
        title: 'Carte Vitale, tarjeta del seguro de salud (pérdida, robo, actualizacion)',
        office: "Caisse primaire d'assurance maladie (CPAM) (seguro de salud)",
        officialText: 'El texto oficial esta en francés. Fuente: Service-Public.fr F265, 14 de octubre de 2020.',
      },
    },
    conversations,
  );

  emergencyTest(conversations, 'es', {
    text: 'mi marido me está pegando ahora mismo',
    title: 'Violencia de la pareja, en peligro',
    says: 'Llame al 17 o al 112: vendrá la policía o la gendarmería. Si no puede hablar, envíe un SMS al 114.',
  });

  commandTests(conversations, 'es', {
    need: 'perdí mi pasaporte',
    help: ['ayuda', /^Describa su problema en pocas palabras/],
    stop: ['borrar', 'Hecho: nuestra conversación está borrada y no guardo nada sobre usted. Para empezar otra vez, escriba su pregunta.'],
  });
});
