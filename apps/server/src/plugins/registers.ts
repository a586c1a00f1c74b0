import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { BasemapFeatureCollection, Registers } from '@lovisa/registry';

declare module 'fastify' {
  interface FastifyInstance {
    registers: Registers;
    /** The municipality's offline basemap (streets, water, parks, buildings). */
    basemap: BasemapFeatureCollection;
  }
}

/** Population register, land register, ownership and staff: adapters chosen by configuration. */
async function registersPlugin(
  app: FastifyInstance,
  opts: { registers: Registers; basemap: BasemapFeatureCollection },
) {
  app.decorate('registers', opts.registers);
  app.decorate('basemap', opts.basemap);
}

export default fp(registersPlugin, { name: 'registers' });
