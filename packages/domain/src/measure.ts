import { z } from 'zod';

export const MeasureTypeSchema = z.enum(['newMainBuilding', 'extension', 'outbuilding', 'smallDwelling', 'carport']);
export type MeasureType = z.infer<typeof MeasureTypeSchema>;

export const measureLabels: Record<MeasureType, { sv: string; en: string }> = {
  newMainBuilding: { sv: 'Nytt bostadshus (en- eller tvåbostadshus)', en: 'New house (one- or two-family)' },
  extension: { sv: 'Tillbyggnad', en: 'Extension' },
  outbuilding: { sv: 'Komplementbyggnad (garage, förråd, gäststuga)', en: 'Outbuilding (garage, shed, guest house)' },
  smallDwelling: { sv: 'Komplementbostadshus', en: 'Small detached dwelling' },
  carport: { sv: 'Carport eller skärmtak', en: 'Carport or roofed terrace' },
};
