import type { FastifyInstance } from 'fastify';

export interface TestAppResponse {
  status: number;
  /** Where a redirect goes (a done action answers 303 to the list). */
  location?: string | undefined;
  contentType?: string | undefined;
  setCookie: string[];
  body: string;
}

export type TestAppSend = (request: {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}) => Promise<TestAppResponse>;

/**
 * Drives the simulator's test BankID app as a browser does: it keeps the app's device cookie and sends the
 * form's CSRF token back. For scripts and tests that log in or sign without a real browser.
 */
export class TestAppBrowser {
  private cookie: string | undefined;

  constructor(
    private readonly send: TestAppSend,
    /** The test app's path, prefix included. */
    private readonly appPath = '/bankid-sim/app',
  ) {}

  /** GET a page of the app (its list by default), keeping the cookie it sets. */
  async get(path = ''): Promise<TestAppResponse> {
    const res = await this.send({
      method: 'GET',
      url: this.appPath + path,
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    this.keep(res);
    return res;
  }

  /** Approves (as `personalNumber`) or cancels an order from the app's form: a 303 when it was done. */
  async answer(orderRef: string, action: 'approve' | 'cancel', personalNumber?: string): Promise<TestAppResponse> {
    const page = await this.get();
    const token = /name="bankid-sim-csrf" content="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const form = new URLSearchParams({
      csrf: token,
      beslut: action === 'approve' ? 'godkann' : 'avbryt',
      ...(personalNumber ? { personalNumber } : {}),
    });
    const res = await this.send({
      method: 'POST',
      url: `${this.appPath}/orders/${encodeURIComponent(orderRef)}/${action}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: form.toString(),
    });
    this.keep(res);
    return res;
  }

  /** What scanning a QR code or following an autostart link does: opens the order in this app. */
  open(code: string): Promise<TestAppResponse> {
    return this.get(`/find?kod=${encodeURIComponent(code)}`);
  }

  approve(orderRef: string, personalNumber: string): Promise<TestAppResponse> {
    return this.answer(orderRef, 'approve', personalNumber);
  }

  private keep(res: TestAppResponse) {
    for (const c of res.setCookie) {
      const pair = c.split(';')[0]!;
      if (pair.startsWith('bankid_sim_app=')) this.cookie = pair;
    }
  }
}

/** The app answered in-process (Fastify's inject), from 127.0.0.1 unless told otherwise. */
export function injectSender(app: Pick<FastifyInstance, 'inject'>, remoteAddress?: string): TestAppSend {
  return async ({ method, url, headers, body }) => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body }),
      ...(remoteAddress ? { remoteAddress } : {}),
    });
    const raw = res.headers['set-cookie'];
    const location = res.headers.location;
    const type = res.headers['content-type'];
    return {
      status: res.statusCode,
      location: location === undefined ? undefined : String(location),
      contentType: type === undefined ? undefined : String(type),
      setCookie: raw === undefined ? [] : [raw].flat().map(String),
      body: res.body,
    };
  };
}

/** The app over HTTP at `baseUrl` (scheme, host and port). */
export function fetchSender(baseUrl: string): TestAppSend {
  return async ({ method, url, headers, body }) => {
    const res = await fetch(baseUrl + url, {
      method,
      headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
    });
    return {
      status: res.status,
      location: res.headers.get('location') ?? undefined,
      contentType: res.headers.get('content-type') ?? undefined,
      setCookie: res.headers.getSetCookie(),
      body: await res.text(),
    };
  };
}
