/**
 * The allowance ledger and its signed "no permit needed" answer (issue #23): refusals by id (ADR 0008), in
 * Swedish and English. Spread into the domain catalogues in messages/sv.ts and messages/en.ts.
 */
export const ledgerSv = {
  'ledger.overlapsEntry':
    'Byggnaden står där en byggnad redan är sparad i tomtens pott. Samma byggnad sparas bara en gång.',
  'ledger.answerNotFound': 'Svaret hittades inte i tomtens pott.',
  'ledger.factsMissing': 'Svaret kan inte sparas förrän alla frågor är besvarade.',
  'ledger.factUnanswered': 'Svara på den här frågan.',
  'ledger.notOwner': 'Bara den som äger fastigheten kan skriva under svaret.',
  'ledger.alreadySigned': 'Svaret är redan underskrivet. Det kan bara skrivas under en gång.',
  'ledger.signedByOther': 'Underskriften gjordes av någon annan än den som är inloggad. Den har inte sparats.',
  'ledger.orderNotFound': 'Underskriften hittades inte. Börja om.',
} as const;

export const ledgerEn: Record<keyof typeof ledgerSv, string> = {
  'ledger.overlapsEntry':
    'The building stands where one is already saved on the plot’s allowance. The same building is saved only once.',
  'ledger.answerNotFound': 'The answer was not found on the plot’s allowance.',
  'ledger.factsMissing': 'The answer cannot be saved until every question is answered.',
  'ledger.factUnanswered': 'Answer this question.',
  'ledger.notOwner': 'Only an owner of the property can sign the answer.',
  'ledger.alreadySigned': 'The answer is already signed. It can be signed only once.',
  'ledger.signedByOther': 'Someone other than the person logged in signed. The signature has not been kept.',
  'ledger.orderNotFound': 'The signature was not found. Start again.',
};
