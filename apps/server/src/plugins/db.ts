import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database, Db } from '../db/database';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    clock(): Date;
  }
}

/** The database is opened (and migrated) by the caller; the app only borrows it, so tests can share one. */
async function dbPlugin(app: FastifyInstance, opts: { database: Database; clock: () => Date }) {
  app.decorate('database', opts.database);
  app.decorate('db', opts.database.db);
  app.decorate('clock', opts.clock);
}

export default fp(dbPlugin, { name: 'db' });
