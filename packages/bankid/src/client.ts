import type { z } from 'zod';
import { BankIdError } from './errors';
import {
  CancelResponseSchema,
  CollectResponseSchema,
  ErrorResponseSchema,
  OrderResponseSchema,
  type AuthRequest,
  type CollectResponse,
  type OrderResponse,
  type SignRequest,
} from './rp-api';

/** BankID's hosts; the RP API lives under `/rp/v6.0` on each. */
export const BANKID_PRODUCTION_BASE_URL = 'https://appapi2.bankid.com';
export const BANKID_TEST_BASE_URL = 'https://appapi2.test.bankid.com';

export interface BankIdRpClientOptions {
  /** Host root without `/rp/v6.0`, e.g. BANKID_TEST_BASE_URL or `http://127.0.0.1:3000/bankid-sim`. */
  baseUrl: string;
  /**
   * Real BankID demands mutual TLS: production passes a fetch bound to an undici Agent carrying the RP
   * certificate and BankID's CA, e.g.
   * `(url, init) => undiciFetch(url, { ...init, dispatcher: new Agent({ connect: { pfx, passphrase, ca } }) })`.
   * The simulator needs none, so the global fetch is the default.
   */
  fetch?: typeof fetch;
  /** Per call, including reading the body. BankID answers in well under a second when healthy. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The Relying Party side of BankID RP API v6.0, against real BankID or the simulator. */
export class BankIdRpClient {
  private readonly endpoint: string;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: BankIdRpClientOptions) {
    this.endpoint = `${options.baseUrl.replace(/\/+$/, '')}/rp/v6.0`;
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  auth(request: AuthRequest): Promise<OrderResponse> {
    return this.call('auth', request, OrderResponseSchema);
  }

  sign(request: SignRequest): Promise<OrderResponse> {
    return this.call('sign', request, OrderResponseSchema);
  }

  /** Poll every 2 seconds while pending, as BankID asks. */
  collect(orderRef: string): Promise<CollectResponse> {
    return this.call('collect', { orderRef }, CollectResponseSchema);
  }

  async cancel(orderRef: string): Promise<void> {
    await this.call('cancel', { orderRef }, CancelResponseSchema);
  }

  private async call<T>(method: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let status: number;
    let text: string;
    try {
      const response = await this.fetchFn(`${this.endpoint}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      status = response.status;
      text = await response.text();
    } catch {
      // The cause may carry host names or TLS details; callers only need to know BankID did not answer.
      const details = controller.signal.aborted ? `No answer within ${this.timeoutMs} ms` : 'Could not reach BankID';
      throw new BankIdError('unavailable', details, null);
    } finally {
      clearTimeout(timer);
    }

    const json = parseJson(text);
    if (status < 200 || status >= 300) {
      const error = ErrorResponseSchema.safeParse(json);
      if (error.success) throw new BankIdError(error.data.errorCode, error.data.details, status);
      throw new BankIdError(status >= 500 ? 'internalError' : 'invalidResponse', `HTTP ${status}`, status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new BankIdError('invalidResponse', `Unexpected ${method} response shape`, status);
    }
    return parsed.data;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
