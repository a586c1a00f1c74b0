import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A registry, or a cluster's primary asking its workers (prom-client's AggregatorRegistry). */
export interface MetricsSource {
  metrics(): Promise<string>;
  readonly contentType: string;
}

/**
 * GET /metrics on a port of its own (METRICS_PORT, loopback by default): an operator's scraper reaches it, the
 * public behind the load balancer does not. Anything else is 404.
 */
export async function startMetricsServer(
  registry: MetricsSource,
  where: { port: number; host: string },
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = where.host.includes(':') ? `[${where.host}]` : where.host;
  return { server, url: `http://${host}:${port}/metrics` };
}
