import { z } from 'zod';
import { commonConsultees, ConsulteeBodySchema } from './case/consultation';
import { DEFAULT_DELEGATION_ORDER, DelegationOrderSchema } from './decision/delegation';

/** "#1a5c8e" or "#fff" → [r, g, b] in 0–255, or null for anything else. */
export function parseHexColour(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2.x relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two hex colours, 1–21; NaN when either is not a hex colour. */
export function contrastRatio(a: string, b: string): number {
  const ca = parseHexColour(a);
  const cb = parseHexColour(b);
  if (!ca || !cb) return NaN;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour mixed with black by `share` (0–1): a hover shade that keeps at least the colour's contrast. */
export function darken(hex: string, share = 0.25): string {
  const c = parseHexColour(hex);
  if (!c) return hex;
  return (
    '#' +
    c
      .map((v) =>
        Math.round(v * (1 - share))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

/** WCAG 2.1 AA for normal text (1.4.3): the brand colour carries white text on buttons and is text on white. */
export const MIN_CONTRAST_AGAINST_WHITE = 4.5;

/**
 * A brand colour, refused unless white text on it (and it as text on white) reaches AA: a municipality's
 * pale logo colour would otherwise make every button unreadable.
 */
export const BrandColourSchema = z
  .string()
  .trim()
  .refine((v) => parseHexColour(v) !== null, 'Ange färgen som hex, t.ex. #1d4f91.')
  .superRefine((v, ctx) => {
    const ratio = contrastRatio(v, '#ffffff');
    if (!Number.isNaN(ratio) && ratio < MIN_CONTRAST_AGAINST_WHITE)
      ctx.addIssue({
        code: 'custom',
        message:
          `Färgen ${v} har kontrasten ${ratio.toFixed(2)}:1 mot vitt; minst ${MIN_CONTRAST_AGAINST_WHITE}:1 krävs ` +
          `(WCAG AA). Välj en mörkare nyans. / The colour ${v} has contrast ${ratio.toFixed(2)}:1 against white; ` +
          `at least ${MIN_CONTRAST_AGAINST_WHITE}:1 is required (WCAG AA). Choose a darker shade.`,
      });
  });

/**
 * The municipality's identity (fixtures/municipality.json, env overrides in the server's config): shown in the
 * web app's header and footer and on the letterhead of decisions. Public: it holds no personal data.
 */
export const MunicipalitySchema = z.object({
  /** As it signs letters: "Kjellstavik kommun". */
  name: z.string().trim().min(2).max(100),
  /** English, for the English face: "Kjellstavik Municipality". Defaults to the Swedish name. */
  nameEn: z.string().trim().min(2).max(100).optional(),
  /** The committee that decides building permits, e.g. "Byggnadsnämnden". */
  board: z.string().trim().min(2).max(100).default('Byggnadsnämnden'),
  /** The board's delegation order: which permit decisions it keeps for its meetings. */
  delegation: DelegationOrderSchema.default(DEFAULT_DELEGATION_ORDER),
  /**
   * The bodies remisser go to, internal units and external authorities, with the address the answer link is sent
   * to; the officer picks one (or types another). Unset: the common list without addresses.
   */
  consultees: z
    .array(ConsulteeBodySchema)
    .max(50)
    .refine(
      (list) => new Set(list.map((b) => b.name)).size === list.length,
      'Varje remissinstans ska ha ett eget namn.',
    )
    .default([...commonConsultees]),
  /** A file name in the fixtures directory (PNG, SVG, JPEG or WebP), served at /api/municipality/logo; null = none. */
  logo: z
    .string()
    .regex(
      /^[\w.-]+\.(png|svg|jpe?g|webp)$/i,
      'Loggan ska vara ett filnamn i fixturkatalogen (.png, .svg, .jpg, .webp).',
    )
    .refine((v) => !v.startsWith('.'), 'Loggans filnamn får inte börja med punkt.')
    .nullable()
    .default(null),
  /** `primary` fills the header and buttons; `primaryDark` (hover, focus) defaults to primary darkened by a quarter. */
  colours: z.object({ primary: BrandColourSchema, primaryDark: BrandColourSchema.optional() }),
  /** A made-up town (the demo's Kjellstavik, the samples' Exempelby): the footer says so. */
  fictional: z.boolean().default(false),
  contact: z.object({
    phone: z.string().trim().min(3).max(40),
    email: z.email(),
    /** Postal address, one line: "Box 1, 742 31 Kjellstavik". */
    address: z.string().trim().min(3).max(200),
    /** "Vardagar 8–17". */
    openingHours: z.string().trim().min(3).max(200),
    website: z.url({ protocol: /^https?$/ }).optional(),
  }),
});
export type Municipality = z.infer<typeof MunicipalitySchema>;
export type MunicipalityInput = z.input<typeof MunicipalitySchema>;

/** Remiss addresses of the demo town's own units. */
const KJELLSTAVIK_UNITS: Record<string, string> = {
  'Miljö- och hälsoskyddsenheten': 'miljo@kjellstavik.example',
  Räddningstjänsten: 'raddningstjansten@kjellstavik.example',
  Trafikenheten: 'trafik@kjellstavik.example',
};

/** The demo town's identity: used when the fixtures directory has no municipality.json. */
export const KJELLSTAVIK: Municipality = {
  name: 'Kjellstavik kommun',
  nameEn: 'Kjellstavik Municipality',
  board: 'Byggnadsnämnden',
  delegation: DEFAULT_DELEGATION_ORDER,
  // The town's own units have addresses; the state's bodies are typed by the officer.
  consultees: commonConsultees.map((b) => ({ ...b, email: KJELLSTAVIK_UNITS[b.name] ?? null })),
  logo: null,
  colours: { primary: '#1d4f91', primaryDark: '#143a6b' },
  fictional: true,
  contact: {
    phone: '0123-456 00',
    email: 'bygglov@kjellstavik.example',
    address: 'Stadshuset, Box 1, 742 31 Kjellstavik',
    openingHours: 'Vardagar 8–17',
  },
};
