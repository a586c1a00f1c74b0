/**
 * The register simulator on its own: `npm run registers`. Serves Kjellstavik's fixtures over the registers'
 * HTTP API (docs/adr/0003-register-api-shapes.md) on REGISTERS_HOST:REGISTERS_PORT (default 127.0.0.1:3001);
 * FIXTURES_DIR overrides the data set.
 */
import { defaultFixturesDir, loadFixtureRegisters } from '../fixtureRegisters';
import { createRegisterSimulator } from './plugin';

const port = Number(process.env.REGISTERS_PORT ?? 3001);
const host = process.env.REGISTERS_HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  throw new Error(`REGISTERS_PORT is not a port: ${process.env.REGISTERS_PORT}`);

const registers = await loadFixtureRegisters(process.env.FIXTURES_DIR ?? defaultFixturesDir());
const app = createRegisterSimulator(registers, {
  logger: {
    level: process.env.LOG_LEVEL ?? 'info',
    // Routes, not URLs: paths carry personnummer.
    serializers: { req: (req) => ({ method: req.method, route: req.routeOptions?.url }) },
  },
});

// jscpd:ignore-start -- the server's main (apps/server/src/server.ts) stops the same way; a package cannot share
// code with an app, and a helper for six lines of process handling would be a package of its own.
let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
// jscpd:ignore-end

await app.listen({ port, host });
