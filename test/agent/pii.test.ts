import { maskPersonalData } from '../../app/agent/pii';

describe('personal data is masked before a message is kept for review', () => {
  test.each([
    ['mon numero cest 06 12 34 56 78 rappelez moi', 'mon numero cest [téléphone] rappelez moi'],
    ['appelez le 0612345678', 'appelez le [téléphone]'],
    ['mon tel +33 6 12 34 56 78', 'mon tel [téléphone]'],
    ['ecrivez a jean.dupont@exemple.fr svp', 'ecrivez a [email] svp'],
    ['ma secu 1 85 05 78 006 084 36 marche pas', 'ma secu [numéro de sécurité sociale] marche pas'],
    ['nir 185052A006084', 'nir [numéro de sécurité sociale]'],
    ['virement sur FR76 3000 6000 0112 3456 7890 189 pas reçu', 'virement sur [iban] pas reçu'],
    ['ma carte 4970 1012 3456 7890 a été volée', 'ma carte [numéro de carte] a été volée'],
    ["j'habite au 12 rue de la Paix à Lille", "j'habite au [adresse] à Lille"],
    ['je suis né le 12/03/1985', 'je suis né le [date]'],
    ['je m’appelle Fatima Benali et la caf me doit', 'je m’appelle [nom] et la caf me doit'],
    ['numéro allocataire 1234567', 'numéro allocataire [numéro]'],
  ])('%s', (message, masked) => {
    expect(maskPersonalData(message)).toBe(masked);
  });

  test('keeps what tells the need: words, postal codes, short numbers', () => {
    expect(maskPersonalData("j'ai perdu ma cni à Roubaix 59100, 2 enfants")).toBe("j'ai perdu ma cni à Roubaix 59100, 2 enfants");
  });
});
