import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Registers } from '@lovisa/registry';

declare module 'fastify' {
  interface FastifyInstance {
    registers: Registers;
  }
}

/** Population register, land register, ownership and staff: adapters chosen by configuration. */
async function registersPlugin(app: FastifyInstance, opts: { registers: Registers }) {
  app.decorate('registers', opts.registers);
}

export default fp(registersPlugin, { name: 'registers' });
