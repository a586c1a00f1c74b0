import { fromCallback, fromPromise } from 'xstate';
import { applicationMachine, type SignOrder, type WizardEvent } from '@lovisa/wizard';
import { bankIdMessageId } from '@lovisa/domain';
import { ApiError, api, apiErrorMessage } from '../../api/client';
import { forgetSigning, rememberSigning } from './signingMarker';
import { afterPaint } from '../../afterPaint';

/** About 30 s of silence at the default 2 s interval before the page says signing could not be followed. */
const MAX_UNREACHABLE_POLLS = 15;

const awaitSignature = fromCallback<WizardEvent, SignOrder>(({ sendBack, input }) => {
  // Poll at the server's interval (BankID asks relying parties for every 2 s).
  let live = true;
  // A server restarting (or a network blip) answers nothing for a few seconds while the order lives on at
  // BankID: keep polling through it, and give up only when it lasts.
  let unreachable = 0;
  const poll = async () => {
    try {
      const r = await api.signCollect(input.orderRef);
      unreachable = 0;
      if (!live) return;
      if (r.status === 'complete' && r.case) {
        forgetSigning(input.orderRef);
        sendBack({ type: 'SIGN_COMPLETE', summary: r.case });
      } else {
        // By BankID's hint code, so it reads in the page's language; the server's Swedish as fallback.
        const message = {
          id: bankIdMessageId(r.hintCode, r.status === 'complete' ? 'failed' : r.status),
          text: r.message,
        };
        if (r.status === 'pending') sendBack({ type: 'SIGN_PROGRESS', message });
        else {
          forgetSigning(input.orderRef);
          sendBack({ type: 'SIGN_FAILED', message });
        }
      }
    } catch (e) {
      const transient = !(e instanceof ApiError) || e.status >= 500;
      if (transient && ++unreachable < MAX_UNREACHABLE_POLLS) return;
      if (!transient) forgetSigning(input.orderRef);
      if (live) sendBack({ type: 'SIGN_FAILED', message: apiErrorMessage(e, { id: 'sign.collectFailed' }) });
    }
  };
  void poll();
  const timer = window.setInterval(() => void poll(), input.pollIntervalMs);
  return () => {
    live = false;
    window.clearInterval(timer);
  };
});

/** The wizard machine with the browser's I/O: the API client for drafts, files and signing. */
export const browserWizardMachine = () =>
  applicationMachine.provide({
    actors: {
      loadProperties: fromPromise(() => api.myProperties()),
      saveDraft: fromPromise(async ({ input }) => {
        // A step saves as it is entered, in the render that shows it: sent once that is on screen, the request
        // does not share a slow phone's first moments with the step (docs/performance.md, session 12).
        await afterPaint();
        const saved = await api.saveDraft(input.draftId, input.data);
        return { updatedAt: saved.updatedAt };
      }),
      prepareAttachments: fromPromise(async ({ input }) => {
        await api.saveDraft(input.draftId, input.data);
        // Should drawing the plan fail, its slot stays empty and the applicant can attach one of their own.
        if (input.makeSitePlan) await api.makeSitePlan(input.draftId).catch(() => {});
        return api.attachments(input.draftId);
      }),
      startSigning: fromPromise(async ({ input }) => {
        const order = await api.submit(input);
        if (input.draftId) rememberSigning(input.draftId, order);
        return order;
      }),
      awaitSignature,
      cancelSigning: fromPromise(async ({ input }) => {
        forgetSigning(input.orderRef);
        await api.signCancel(input.orderRef);
      }),
    },
  });
