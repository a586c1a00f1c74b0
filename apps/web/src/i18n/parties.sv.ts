/** The web app's texts for who applies (issue #20): co-owners' signatures. Swedish first; spread into sv.ts. */
export const partiesUiSv = {
  'parties.title': 'Underskrifter',
  'parties.complete': 'Alla ägare har skrivit under ansökan.',
  'parties.incomplete':
    '{signed} av {needed} ägare har skrivit under. Ansökan är komplett först när alla delägare har skrivit under samma version.',
  'parties.role.applicant': 'Sökande',
  'parties.role.coOwner': 'Delägare',
  'parties.role.agent': 'Ombud',
  'parties.role.signatory': 'Firmatecknare',
  'parties.protected': 'Skyddad identitet',
  'parties.state.signed': 'Har skrivit under med BankID {date}',
  'parties.state.invited': 'Har inte skrivit under än',
  'parties.state.paper': 'Samtycke på papper, registrerat av {name}',
  'parties.you': '(du)',
  'parties.makeLink': 'Skapa underskriftslänk för {name}',
  'parties.makeLinkUnnamed': 'Skapa underskriftslänk för delägaren',
  'parties.linkIntro':
    'Skicka länken till {name}. Den visas bara nu. Delägaren loggar in med BankID och skriver under samma ansökan som du.',
  'parties.linkLabel': 'Underskriftslänk',
  'parties.hash': 'Kontrollsumma för versionen som skrivs under: {hash}',
  'parties.youMustSign': 'Du är delägare och behöver skriva under ansökan. Öppna länken som sökanden har skickat dig.',
  'parties.paper.record': 'Registrera samtycke på papper för {name}',
  'parties.paper.receivedOn': 'Samtycket kom in den',
  'parties.paper.submit': 'Registrera samtycket',
  'parties.paper.done': 'Samtycket är registrerat.',
  'parties.sign.title': 'Skriv under som delägare',
  'parties.sign.intro':
    '{applicant} har ansökt om lov för {property}, som ni äger tillsammans. Som delägare behöver du skriva under samma ansökan med BankID.',
  'parties.sign.diary': 'Ärende',
  'parties.sign.measure': 'Åtgärd',
  'parties.sign.area': 'Byggnadsarea',
  'parties.sign.description': 'Beskrivning',
  'parties.sign.youSign': 'Det här skriver du under:',
  'parties.sign.button': 'Skriv under med BankID',
  'parties.sign.signTitle': 'Skriv under ansökan med BankID',
  'parties.sign.signed': 'Du har skrivit under. Tack! Ärendet finns nu i Mina ärenden.',
  'parties.sign.paper': 'Ditt samtycke på papper är registrerat. Du behöver inte skriva under här.',
  'parties.sign.toCase': 'Gå till ärendet i Mina ärenden',
  // Organisations (issue #20): a bostadsrättsförening or company applies through its firmatecknare.
  'parties.org.applicant': 'Sökande: {name}, organisationsnummer {orgnr}',
  'parties.org.complete': 'Ansökan är underskriven enligt föreningens eller bolagets firmateckning.',
  'parties.org.incomplete':
    '{signed} av {needed} firmatecknare har skrivit under. Ansökan är komplett när så många firmatecknare som firmateckningen kräver har skrivit under samma version.',
  'parties.org.youMustSign':
    'Du är firmatecknare och kan skriva under ansökan. Öppna länken som den som skickade ansökan har gett dig.',
  'parties.org.makeLinkUnnamed': 'Skapa underskriftslänk för firmatecknaren',
  'parties.org.linkIntro':
    'Skicka länken till {name}. Den visas bara nu. Firmatecknaren loggar in med BankID och skriver under samma ansökan som du.',
  'parties.sign.titleSignatory': 'Skriv under som firmatecknare',
  'parties.sign.introSignatory':
    '{applicant} har ansökt om lov för {property}. Som firmatecknare behöver du skriva under samma ansökan med BankID.',
};
