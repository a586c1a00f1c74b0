import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FeeScheduleSchema, MunicipalitySchema, darken } from '@lovisa/domain';
import { notFound } from '../errors';

/** What the web app gets of the municipality's identity: the logo as an address on this server, not a file name. */
// The remiss bodies' addresses are the officers' working list, not the public's.
export const PublicMunicipalitySchema = MunicipalitySchema.omit({ logo: true, consultees: true }).extend({
  logoUrl: z.string().nullable(),
});

const LOGO_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/**
 * Public settings of the municipality that the web app reads at run time: the fee schedule, so the applicant
 * sees the fee before applying, and the map background (none by default: the maps work offline).
 */
export default async function publicSettingsRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/map-config',
    {
      schema: {
        tags: ['rules'],
        summary: 'The optional raster background of the maps (MAP_TILE_URL); null means the offline map only',
        response: { 200: z.object({ tileUrl: z.string().nullable(), attribution: z.string() }) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { tileUrl: app.config.mapTiles?.url ?? null, attribution: app.config.mapTiles?.attribution ?? '' };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/municipality',
    {
      schema: {
        tags: ['rules'],
        summary: "The municipality's name, logo, colour and contact (fixtures/municipality.json, MUNICIPALITY_*)",
        response: { 200: PublicMunicipalitySchema },
      },
    },
    async (_request, reply) => {
      const { logo, consultees: _, ...rest } = app.config.municipality;
      reply.header('cache-control', 'public, max-age=3600');
      // The hover shade is worked out here, so the browser's entry bundle needs no colour arithmetic.
      const colours = { ...rest.colours, primaryDark: rest.colours.primaryDark ?? darken(rest.colours.primary) };
      return { ...rest, colours, logoUrl: logo ? '/api/municipality/logo' : null };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/municipality/logo',
    {
      schema: {
        tags: ['rules'],
        summary: "The municipality's logo file, as configured (404 when there is none)",
      },
    },
    async (_request, reply) => {
      const logo = app.config.municipality.logo;
      // The schema allows a bare file name only, so this never leaves the fixtures directory.
      if (!logo) throw notFound('file');
      // Checked at start; a file removed since is a 404, not a 500.
      const bytes = await readFile(path.join(app.config.fixturesDir, logo)).catch(() => {
        throw notFound('file');
      });
      reply.header('cache-control', 'public, max-age=3600');
      // An SVG may hold script: as a document of its own it may run nothing and load nothing.
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      return reply.type(LOGO_TYPES[path.extname(logo).toLowerCase()] ?? 'application/octet-stream').send(bytes);
    },
  );

  const schedule = app.config.feeSchedule;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/fee-schedule',
    {
      schema: {
        tags: ['rules'],
        summary: 'The fee schedule (taxa) the estimate before submission is computed from',
        response: { 200: FeeScheduleSchema },
      },
    },
    async (_request, reply) => {
      if (!schedule) throw new Error('fee schedule not loaded');
      reply.header('cache-control', 'public, max-age=3600');
      return schedule;
    },
  );
}
