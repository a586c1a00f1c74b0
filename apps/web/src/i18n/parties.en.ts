import type { partiesUiSv } from './parties.sv';

/** The English of parties.sv.ts: every key, no more. */
export const partiesUiEn: Record<keyof typeof partiesUiSv, string> = {
  'parties.title': 'Signatures',
  'parties.complete': 'Every owner has signed the application.',
  'parties.incomplete':
    '{signed} of {needed} owners have signed. The application is complete only when every co-owner has signed the same version.',
  'parties.role.applicant': 'Applicant',
  'parties.role.coOwner': 'Co-owner',
  'parties.role.agent': 'Agent',
  'parties.role.signatory': 'Signatory',
  'parties.protected': 'Protected identity',
  'parties.state.signed': 'Signed with BankID {date}',
  'parties.state.invited': 'Has not signed yet',
  'parties.state.paper': 'Consent on paper, recorded by {name}',
  'parties.you': '(you)',
  'parties.makeLink': 'Make a signing link for {name}',
  'parties.makeLinkUnnamed': 'Make a signing link for the co-owner',
  'parties.linkIntro':
    'Send the link to {name}. It is shown only now. The co-owner logs in with BankID and signs the same application as you.',
  'parties.linkLabel': 'Signing link',
  'parties.hash': 'Checksum of the version being signed: {hash}',
  'parties.youMustSign': 'You are a co-owner and need to sign the application. Open the link the applicant sent you.',
  'parties.paper.record': 'Record a consent on paper for {name}',
  'parties.paper.receivedOn': 'The consent arrived on',
  'parties.paper.submit': 'Record the consent',
  'parties.paper.done': 'The consent is recorded.',
  'parties.sign.title': 'Sign as co-owner',
  'parties.sign.intro':
    '{applicant} has applied for a permit for {property}, which you own together. As a co-owner you need to sign the same application with BankID.',
  'parties.sign.diary': 'Case',
  'parties.sign.measure': 'Measure',
  'parties.sign.area': 'Building area',
  'parties.sign.description': 'Description',
  'parties.sign.youSign': 'This is what you sign:',
  'parties.sign.button': 'Sign with BankID',
  'parties.sign.signTitle': 'Sign the application with BankID',
  'parties.sign.signed': 'You have signed. Thank you! The case is now in My cases.',
  'parties.sign.paper': 'Your consent on paper is recorded. You need not sign here.',
  'parties.org.applicant': 'Applicant: {name}, organisation number {orgnr}',
  'parties.org.complete': 'The application is signed as the organisation’s signing rule requires.',
  'parties.org.incomplete':
    '{signed} of {needed} authorised signatories have signed. The application is complete when as many signatories as the signing rule requires have signed the same version.',
  'parties.org.youMustSign':
    'You are an authorised signatory and can sign the application. Open the link the person who sent it gave you.',
  'parties.org.makeLinkUnnamed': 'Make a signing link for the signatory',
  'parties.org.linkIntro':
    'Send the link to {name}. It is shown only now. The signatory logs in with BankID and signs the same application as you.',
  'parties.sign.titleSignatory': 'Sign as authorised signatory',
  'parties.sign.introSignatory':
    '{applicant} has applied for a permit for {property}. As an authorised signatory you need to sign the same application with BankID.',
  'parties.sign.toCase': 'Go to the case in My cases',
};
