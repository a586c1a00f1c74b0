import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { CompletionData } from '../rp-api';
import type { SimOrder } from './order-book';
import type { SimIdentity } from './identities';

/** Keys the fake SignatureValue; anyone can recompute it, which is the point: nothing here is a real signature. */
const SIMULATOR_KEY = 'lovisa-bankid-simulator-not-a-real-key';

function sha256Base64(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** Stable per identity, like a real user's device and BankID, so repeated logins look like the same phone. */
function derived(identity: SimIdentity, purpose: string): Buffer {
  return createHash('sha256').update(`${purpose}:${identity.personalNumber}`).digest();
}

function issueDate(identity: SimIdentity, now: number): string {
  const daysAgo = 30 + (derived(identity, 'issue').readUInt16BE(0) % 1_500);
  return new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A signature with the real one's outline (XML-DSig enveloping bankIdSignedData), so code that stores or
 * inspects it meets the right structure. It is marked as simulated and verifies against nothing.
 */
function signatureXml(order: SimOrder, identity: SimIdentity, uhi: string, now: number): string {
  const funcId = order.kind === 'sign' ? 'Signing' : 'Identification';
  const visible = order.userVisibleData
    ? `<usrVisibleData charset="UTF-8" visible="wysiwys">${order.userVisibleData}</usrVisibleData>`
    : '';
  const nonVisible = order.userNonVisibleData
    ? `<usrNonVisibleData>${order.userNonVisibleData}</usrNonVisibleData>`
    : '';
  const signedData =
    `<bankIdSignedData xmlns="http://www.bankid.com/signature/v1.0.0/types" Id="bidSignedData">` +
    visible +
    nonVisible +
    `<srvInfo><name>${Buffer.from('cn=Lovisa BankID-simulator').toString('base64')}</name>` +
    `<nonce>${randomBytes(20).toString('base64')}</nonce><displayName>${Buffer.from('Lovisa').toString('base64')}</displayName></srvInfo>` +
    `<clientInfo><funcId>${funcId}</funcId><version>${Buffer.from('Lovisa simulator').toString('base64')}</version>` +
    `<env><ai><type>${Buffer.from('SIMULATOR').toString('base64')}</type><uhi>${uhi}</uhi></ai></env></clientInfo>` +
    `<serverInfo><time>${new Date(now).toISOString()}</time><pn>${identity.personalNumber}</pn></serverInfo>` +
    `</bankIdSignedData>`;
  const signedInfo =
    `<SignedInfo xmlns="http://www.w3.org/2000/09/xmldsig#">` +
    `<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>` +
    `<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>` +
    `<Reference Type="http://www.bankid.com/signature/v1.0.0/types" URI="#bidSignedData">` +
    `<Transforms><Transform Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/></Transforms>` +
    `<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>` +
    `<DigestValue>${sha256Base64(signedData)}</DigestValue></Reference></SignedInfo>`;
  const signatureValue = createHmac('sha256', SIMULATOR_KEY).update(signedInfo).digest('base64');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>` +
    `<!-- Lovisa BankID simulator: not a real signature -->` +
    `<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">${signedInfo}` +
    `<SignatureValue>${signatureValue}</SignatureValue>` +
    `<KeyInfo><X509Data><X509Certificate>${Buffer.from('SIMULATED CERTIFICATE').toString('base64')}</X509Certificate></X509Data></KeyInfo>` +
    `<Object>${signedData}</Object></Signature>`
  );
}

export function buildCompletionData(order: SimOrder, identity: SimIdentity, now: number): CompletionData {
  const uhi = derived(identity, 'uhi').toString('base64url').slice(0, 27);
  return {
    user: {
      personalNumber: identity.personalNumber,
      name: `${identity.givenName} ${identity.surname}`,
      givenName: identity.givenName,
      surname: identity.surname,
    },
    device: { ipAddress: order.endUserIp, uhi },
    bankIdIssueDate: issueDate(identity, now),
    // BankID reports a step-up only when the RP asked for one; the simulated passport check always passes.
    ...(order.requirement.mrtd ? { stepUp: { mrtd: true } } : {}),
    signature: Buffer.from(signatureXml(order, identity, uhi, now)).toString('base64'),
    ocspResponse: Buffer.from(`SIMULATED OCSP RESPONSE ${order.orderRef} ${new Date(now).toISOString()}`).toString(
      'base64',
    ),
  };
}
