import type { SignOrder } from '@lovisa/wizard';

/**
 * Which drafts this browser started a signature for and has not yet seen end. A crash, a closed tab or a lost
 * network can cut the page off from the order; the next visit to the draft looks the order up again and tells
 * the applicant what became of it (README: "interrupted signatures"). Only references are kept, never the
 * application, and an entry is dropped as soon as the outcome is known.
 */
const KEY = 'lovisa.signing';

type Markers = Record<string, SignOrder>;

function read(): Markers {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Markers) : {};
  } catch {
    return {};
  }
}

function write(markers: Markers) {
  try {
    if (Object.keys(markers).length === 0) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, JSON.stringify(markers));
  } catch {
    // Private mode or a full store: the page then only loses the ability to explain an interruption later.
  }
}

export function rememberSigning(draftId: string, order: SignOrder) {
  write({ ...read(), [draftId]: order });
}

export function signingOf(draftId: string): SignOrder | undefined {
  const order = read()[draftId];
  return order && typeof order.orderRef === 'string' ? order : undefined;
}

export function forgetSigning(orderRef: string) {
  write(Object.fromEntries(Object.entries(read()).filter(([, o]) => o.orderRef !== orderRef)));
}
