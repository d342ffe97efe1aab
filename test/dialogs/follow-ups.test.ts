// Hand-written conversations for the follow-ups that change the office.
import { conversation, orientationOf, realContext } from './helpers';

const ctx = realContext();
const servicesOf = (replies: ReturnType<ReturnType<typeof conversation>['say']>) => orientationOf(replies)?.services.map((s) => s.id);

test('a French person living in Canada is sent to the consulate without being asked where they live', () => {
  const chat = conversation(ctx);
  expect(servicesOf(chat.say('je vis au canada et mon passeport est périmé'))).toEqual(['ambassade_france_etranger']);
});

test('a farm worker is sent to the MSA, and is not asked again for the next benefit', () => {
  const chat = conversation(ctx);
  const question = chat.say("je veux l'aide au logement");
  expect(question.at(-1)?.text).toMatch(/agriculture/);
  expect(servicesOf(chat.say('oui je suis salarié agricole'))).toEqual(['msa']);
  expect(servicesOf(chat.say("et pour la prime d'activité ?"))).toEqual(['msa']);
});

test('a Parisian asking for a residence permit is sent to the préfecture de police', () => {
  const chat = conversation(ctx);
  expect(chat.say('renouveler ma carte de séjour').at(-1)?.text).toMatch(/Paris/);
  expect(servicesOf(chat.say('oui'))).toEqual(['paris_ppp_titre_sejour']);
});

test('someone outside Paris who says so up front gets the préfecture for the licence points', () => {
  const chat = conversation(ctx);
  expect(servicesOf(chat.say("mon permis est suspendu, j'habite en province"))).toEqual(['prefecture', 'ants']);
});

test('an emergency written while a question waits is answered at once', () => {
  const chat = conversation(ctx);
  chat.say('demander le rsa');
  const replies = chat.say('mon mari me frappe');
  expect(replies[0].urgent).toBe(true);
  expect(servicesOf(replies)).toContain('3919');
});

test('a birth certificate for someone born abroad comes from the central civil registry', () => {
  const chat = conversation(ctx);
  chat.say("copie intégrale d'acte de naissance");
  expect(servicesOf(chat.say("à l'étranger"))).toEqual(['scec']);
});

test.each(['je veux commander une pizza', 'quelle heure est-il', "je t'aime", 'merci beaucoup', 'quel film regarder ce soir'])(
  'a message about something else (« %s ») is neither a need nor an emergency',
  (text) => {
    const replies = conversation(ctx).say(text);
    expect(orientationOf(replies)).toBeUndefined();
    expect(replies.some((r) => r.urgent)).toBe(false);
  },
);

test('a curated need wins over the service-public.fr fiche that says the same', () => {
  const chat = conversation(ctx);
  expect(orientationOf(chat.say("j'ai perdu ma carte grise"))?.needId).toBe('carte_grise');
});

test('a rare need comes from the service-public.fr import, with its fiche as source', () => {
  const chat = conversation(ctx);
  const orientation = orientationOf(chat.say('comment obtenir un quitus fiscal'));
  expect(orientation?.needId).toMatch(/^sp_/);
  expect(orientation?.sources[0].url).toMatch(/^https:\/\/www\.service-public\.fr\//);
});

test("a civil servant dismissed is sent to the administrative court, an employee to the prud'hommes", () => {
  expect(servicesOf(conversation(ctx).say('je suis fonctionnaire et on me licencie'))).toEqual(['ta', 'mjd']);
  const employee = conversation(ctx);
  employee.say("je viens d'être licencié");
  expect(servicesOf(employee.say('dans le privé'))).toContain('prudhommes');
});
