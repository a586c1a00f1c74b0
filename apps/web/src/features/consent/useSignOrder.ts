import { useEffect, useState } from 'react';
import { bankIdMessageId, type LoginCollectResult } from '@lovisa/domain';
import { apiErrorMessage } from '../../api/client';
import type { Message } from '../../i18n/i18n';

type Order = { orderRef: string; autoStartToken: string; pollIntervalMs: number };

/**
 * Someone other than the applicant signs with BankID through a link (a neighbour's consent, a co-owner's
 * signature): start the order, poll it until it completes or fails, or cancel. The calls are the link's own.
 */
export function useSignOrder(
  calls: {
    start(): Promise<Order>;
    collect(orderRef: string): Promise<LoginCollectResult>;
    cancel(orderRef: string): Promise<unknown>;
  },
  onDone: () => void,
) {
  const [order, setOrder] = useState<Order | undefined>();
  const [signing, setSigning] = useState(false);
  const [message, setMessage] = useState<Message | undefined>();
  const [error, setError] = useState<Message | undefined>();
  const { collect } = calls;
  useEffect(() => {
    if (!order) return;
    let live = true;
    const poll = async () => {
      try {
        const r = await collect(order.orderRef);
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
  }, [order, collect, onDone]);
  const start = async () => {
    setError(undefined);
    setSigning(true);
    try {
      setOrder(await calls.start());
    } catch (e) {
      setSigning(false);
      setError(apiErrorMessage(e));
    }
  };
  const cancel = () => {
    if (order) void calls.cancel(order.orderRef).catch(() => {});
    setOrder(undefined);
    setSigning(false);
  };
  return { order, signing, message, error, start, cancel };
}
