import { useCallback, useEffect, useState } from 'react';
import { bankIdMessageId, type LoginCollectResult } from '@lovisa/domain';
import { apiErrorMessage } from '../../api/client';
import type { Message } from '../../i18n/i18n';

type Order = { orderRef: string; autoStartToken: string; pollIntervalMs: number };

/** A link's signing calls, by its code: consentApi and partiesApi both have them. */
export interface LinkSignApi {
  sign(code: string): Promise<Order>;
  signQr(code: string, orderRef: string): Promise<{ svg: string }>;
  signCollect(code: string, orderRef: string): Promise<LoginCollectResult>;
  signCancel(code: string, orderRef: string): Promise<unknown>;
}

/**
 * Someone other than the applicant signs with BankID through a link (a neighbour's consent, a co-owner's
 * signature): start the order, poll it until it completes or fails, or cancel; and the QR of this second.
 */
export function useSignOrder(api: LinkSignApi, code: string, onDone: () => void) {
  const [order, setOrder] = useState<Order | undefined>();
  const [signing, setSigning] = useState(false);
  const [message, setMessage] = useState<Message | undefined>();
  const [error, setError] = useState<Message | undefined>();
  useEffect(() => {
    if (!order) return;
    let live = true;
    const poll = async () => {
      try {
        const r = await api.signCollect(code, order.orderRef);
        if (!live) return;
        if (r.status === 'pending') {
          setMessage({ id: bankIdMessageId(r.hintCode, 'pending'), text: r.message });
          timer = window.setTimeout(() => void poll(), order.pollIntervalMs);
          return;
        }
        setOrder(undefined);
        setSigning(false);
        if (r.status === 'complete') onDone();
        else setError({ id: bankIdMessageId(r.hintCode, 'failed'), text: r.message });
      } catch (e) {
        if (!live) return;
        setOrder(undefined);
        setSigning(false);
        setError(apiErrorMessage(e));
      }
    };
    let timer = window.setTimeout(() => void poll(), order.pollIntervalMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [order, api, code, onDone]);
  const start = async () => {
    setError(undefined);
    setSigning(true);
    try {
      setOrder(await api.sign(code));
    } catch (e) {
      setSigning(false);
      setError(apiErrorMessage(e));
    }
  };
  const cancel = () => {
    if (order) void api.signCancel(code, order.orderRef).catch(() => {});
    setOrder(undefined);
    setSigning(false);
  };
  const loadQr = useCallback((orderRef: string) => api.signQr(code, orderRef), [api, code]);
  return { order, signing, message, error, start, cancel, loadQr };
}
