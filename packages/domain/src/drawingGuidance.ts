import type { AttachmentType } from './attachment';

type Text = { sv: string; en: string };

/**
 * What each drawing of a bygglov application must show (PBF 6 kap. 8 §, as municipalities' guides spell it out), the
 * scale it is drawn in, and the mistakes that most often send an application back for completion (issue #18,
 * item 7). Data, so every face (wizard, completion answer, kiosk) says the same.
 */
export interface DrawingGuidance {
  scale: Text;
  mustShow: Text[];
  mistakes: Text[];
}

export const drawingGuidance: Partial<Record<AttachmentType, DrawingGuidance>> = {
  SITU: {
    scale: { sv: '1:400 eller 1:500', en: '1:400 or 1:500' },
    mustShow: [
      { sv: 'Fastighetsgränserna och fastighetsbeteckningen', en: 'The property boundaries and designation' },
      {
        sv: 'Den nya byggnaden, tydligt markerad, och husen som redan står på tomten',
        en: 'The new building, clearly marked, and the buildings already on the plot',
      },
      {
        sv: 'Avståndet från den nya byggnaden till varje närliggande gräns, till gatan och till huvudbyggnaden',
        en: 'The distance from the new building to each nearby boundary, to the street and to the main house',
      },
      {
        sv: 'Gatan med dess namn, och grannarnas hus intill',
        en: 'The street with its name, and the neighbours’ houses',
      },
      { sv: 'Byggnadens mått, norrpil och skala', en: 'The building’s dimensions, a north arrow and the scale' },
    ],
    mistakes: [
      { sv: 'Bara ett avstånd utsatt, inte till alla gränser', en: 'Only one distance given, not to every boundary' },
      { sv: 'Ingen norrpil eller skala', en: 'No north arrow or scale' },
      { sv: 'Det syns inte vilken byggnad som är ny', en: 'It is not clear which building is new' },
    ],
  },
  PLA: {
    scale: { sv: '1:100 (eller 1:50)', en: '1:100 (or 1:50)' },
    mustShow: [
      { sv: 'Varje våningsplan, sett ovanifrån', en: 'Every floor, seen from above' },
      { sv: 'Byggnadens yttermått och väggarnas tjocklek', en: 'The outer dimensions and the wall thickness' },
      { sv: 'Rummens namn (sovrum, kök, förråd …)', en: 'What each room is (bedroom, kitchen, storage …)' },
      { sv: 'Dörrar, fönster och trappor', en: 'Doors, windows and stairs' },
      { sv: 'Var sektionen är tagen (A–A) och norrpil', en: 'Where the section is cut (A–A) and a north arrow' },
    ],
    mistakes: [
      { sv: 'En skiss utan skala eller mått', en: 'A sketch without scale or dimensions' },
      { sv: 'Något våningsplan saknas (vind, källare)', en: 'A floor is missing (attic, basement)' },
      {
        sv: 'Ett foto av en skärm eller ett papper snett uppifrån',
        en: 'A photo of a screen, or of paper taken at an angle',
      },
    ],
  },
  FAS: {
    scale: { sv: '1:100', en: '1:100' },
    mustShow: [
      {
        sv: 'Alla fasader som ändras – för en ny byggnad alla fyra, märkta med väderstreck',
        en: 'Every facade that changes – for a new building all four, named by compass direction',
      },
      { sv: 'Marklinjen, både befintlig och ny', en: 'The ground line, existing and new' },
      {
        sv: 'Nockhöjd och fasadhöjd över mark, och takvinkel',
        en: 'Ridge and eaves height above ground, and roof pitch',
      },
      { sv: 'Fönster, dörrar, material och kulörer', en: 'Windows, doors, materials and colours' },
    ],
    mistakes: [
      { sv: 'Bara en fasad ritad', en: 'Only one facade drawn' },
      { sv: 'Höjderna saknas, eller marken är inte ritad', en: 'Heights missing, or the ground not drawn' },
      { sv: 'Fasaderna är inte märkta med väderstreck', en: 'The facades are not named by compass direction' },
    ],
  },
  SEK: {
    scale: { sv: '1:100', en: '1:100' },
    mustShow: [
      {
        sv: 'Ett snitt genom byggnaden där planritningen visar snittlinjen (A–A)',
        en: 'A cut through the building where the floor plan marks it (A–A)',
      },
      { sv: 'Rumshöjd, bjälklag och takets lutning', en: 'Room heights, floors and the roof pitch' },
      { sv: 'Nockhöjd över marken och marklinjen', en: 'Ridge height above ground, and the ground line' },
      { sv: 'Grund, väggar och tak i stora drag', en: 'Foundation, walls and roof in outline' },
    ],
    mistakes: [
      { sv: 'Snittet stämmer inte med markeringen i planen', en: 'The section does not match the mark in the plan' },
      { sv: 'Höjder saknas', en: 'Heights are missing' },
    ],
  },
};
