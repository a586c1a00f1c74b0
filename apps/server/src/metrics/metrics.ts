import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What an operator scrapes (Prometheus text format): request rates and latencies by route pattern, the case
 * queue, the e-mail backlog, BankID outcomes, received applications and the database pool. One registry per
 * app, so two apps in one process (tests, two servers) never count into each other. Labels are bounded sets
 * (route patterns, statuses, hint codes): never a URL, an id or a person.
 */
export interface Metrics {
  registry: Registry;
  /** A request answered: its route pattern (not its URL), method, status and seconds taken. */
  request(route: string, method: string, status: number, seconds: number): void;
  /** A BankID order that ended, as BankID answered it. */
  bankIdOrderEnded(kind: 'login' | 'sign', outcome: 'complete' | 'failed', hintCode?: string): void;
  applicationReceived(measure: string): void;
}

/** Read at scrape time, from the database: never kept in memory where two instances would disagree. */
export interface MetricSources {
  casesByStatus(): Promise<{ status: string; n: number }[]>;
  outboxUnsent(): Promise<number>;
  pool(): { total: number; idle: number; waiting: number } | null;
  /** Statements sent to the database by this instance so far. */
  statements(): number;
}

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lovisa_' });
  const requests = new Counter({
    name: 'lovisa_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'lovisa_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and method',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const bankId = new Counter({
    name: 'lovisa_bankid_orders_ended_total',
    help: 'BankID orders that ended, by kind (login, sign), outcome and hint code',
    labelNames: ['kind', 'outcome', 'hint'] as const,
    registers: [registry],
  });
  const received = new Counter({
    name: 'lovisa_applications_received_total',
    help: 'Signed applications that became cases on this instance, by measure',
    labelNames: ['measure'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'lovisa_cases',
    help: 'Cases by status (all instances: read from the database)',
    labelNames: ['status'] as const,
    registers: [registry],
    // Every worker reads the same rows: across a cluster it is one figure, not their sum.
    aggregator: 'first',
    async collect() {
      this.reset();
      for (const { status, n } of await sources.casesByStatus()) this.set({ status }, n);
    },
  });
  new Gauge({
    name: 'lovisa_outbox_unsent',
    help: 'E-mails recorded but not yet sent (all instances: read from the database)',
    registers: [registry],
    aggregator: 'first',
    async collect() {
      this.set(await sources.outboxUnsent());
    },
  });
  new Gauge({
    name: 'lovisa_db_pool_connections',
    help: 'PostgreSQL pool connections of this instance, by state (none with the embedded database)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const p = sources.pool();
      this.reset();
      if (!p) return;
      this.set({ state: 'total' }, p.total);
      this.set({ state: 'idle' }, p.idle);
      this.set({ state: 'waiting' }, p.waiting);
    },
  });
  new Counter({
    name: 'lovisa_db_statements_total',
    help: 'SQL statements this instance sent to the database (BEGIN and COMMIT included)',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sources.statements());
    },
  });
  return {
    registry,
    request(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      durations.observe({ route, method }, seconds);
    },
    bankIdOrderEnded(kind, outcome, hintCode) {
      bankId.inc({ kind, outcome, hint: hintCode ?? '' });
    },
    applicationReceived(measure) {
      received.inc({ measure });
    },
  };
}
