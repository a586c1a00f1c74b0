/**
 * Whether BankID is most likely on the device in the person's hand: a phone or tablet (a touch screen without a
 * hovering pointer). BankID's advice to relying parties is then to open the app on this device first; a QR code
 * to scan "with the phone you are holding" is the wrong lead there.
 */
export function bankIdOnThisDevice(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.('(pointer: coarse) and (hover: none)').matches;
}
