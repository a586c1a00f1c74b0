/** Swedish texts of the findings for the measures beyond buildings and the allowance ledger (issue #23). */
export const measureFindingSv = {
  // Summaries for the permits that are not a bygglov
  RIVNINGSLOV_REQUIRED: 'Du behöver söka rivningslov.',
  MARKLOV_REQUIRED: 'Du behöver söka marklov.',
  OUTLINE_DECISION_ADVISED: 'Sök förhandsbesked: kommunen prövar om ett hus får byggas på platsen.',
  // What decided
  MEASURE_VALUABLE_AREA:
    'Platsen ligger i en särskilt värdefull miljö eller omfattas av skyddsbestämmelser. Där krävs lov även för mindre åtgärder.',
  PATIO_LOW: 'Altanen är {heightM} m över marken, högst {heightMLimit} m. En så låg altan räknas inte som tillbyggnad.',
  PATIO_HIGH:
    'Altanen är {heightM} m över marken, högre än {heightMLimit} m. Den räknas då som en tillbyggnad av huset.',
  FENCE_LOW: 'Planket är {heightM} m högt, högst {heightMLimit} m. Så lågt räknas det som staket.',
  WALL_LOW: 'Muren är {heightM} m hög, högst {heightMLimit} m. Så låg räknas den inte som mur.',
  FENCE_NEAR_PUBLIC_LAND:
    'Det ligger {distanceToPublicLandM} m från gata eller annan allmän plats. Närmare än {distanceToPublicLandMLimit} m krävs bygglov, och grannar kan inte medge det.',
  SCREENED_PATIO:
    'Det skyddar en uteplats: högst {heightMLimit} m högt och högst {distanceFromHouseMLimit} m ut från bostadshuset.',
  FENCE_CONSENT_GIVEN:
    'Det står {distanceToBoundaryM} m från tomtgränsen. Alla ägare till grannfastigheten ska ha medgett det skriftligt.',
  FENCE_RURAL:
    'Utanför detaljplan och sammanhållen bebyggelse får plank och murar stå i omedelbar närhet av bostadshuset utan bygglov.',
  FENCE_NEEDS_CONSENT:
    'Det står {distanceToBoundaryM} m från tomtgränsen. Närmare än {distanceToBoundaryMLimit} m krävs bygglov, om inte alla ägare till grannfastigheten medger det skriftligt.',
  FENCE_TOO_HIGH: 'Det är {heightM} m högt. Utan bygglov får det vara högst {heightMLimit} m.',
  FENCE_TOO_FAR:
    'Det sträcker sig {distanceFromHouseM} m från bostadshuset. Utan bygglov får det gå högst {distanceFromHouseMLimit} m ut.',
  MEASURE_FACT_UNKNOWN:
    'Någon uppgift som avgör svaret saknas. Tills den är given gäller den säkra sidan: räkna med lov, eller fråga kommunen.',
  FENCE_PERMIT: 'Murar och plank kräver bygglov när inget undantag passar.',
  FIREPLACE_NOTIFICATION:
    'Att installera eller ändra en eldstad eller rökkanal kräver anmälan. Du får startbesked innan du börjar.',
  LOAD_BEARING_NOTIFICATION: 'En ändring som berör bärande konstruktion kräver anmälan och startbesked.',
  VENTILATION_NOTIFICATION: 'Att installera eller väsentligt ändra ventilationen kräver anmälan och startbesked.',
  FACADE_PROTECTED:
    'Huset ligger i ett område med skyddsbestämmelser eller särskilt kulturvärde. Där krävs bygglov för ändringar av fasaden.',
  FACADE_SMALL_HOUSE:
    'Sedan 1 december 2025 får du ändra fasaden på ett en- eller tvåbostadshus utan bygglov, utanför skyddade områden.',
  FACADE_CHANGES_CHARACTER: 'Inom detaljplan kräver en ändring som påverkar husets karaktär bygglov.',
  FACADE_NO_PERMIT: 'Ändringen kräver inte bygglov här.',
  SOLAR_FOLLOWS_ROOF: 'Solpaneler som följer takets eller fasadens form kräver inte bygglov.',
  SOLAR_STANDS_OUT: 'Solpaneler som inte följer takets form kräver bygglov inom detaljplan.',
  DEMOLITION_PROTECTED: 'Byggnaden omfattas av skyddsbestämmelser. Rivning kräver rivningslov.',
  DEMOLITION_IN_PLAN: 'Inom detaljplan krävs rivningslov för att riva en byggnad.',
  DEMOLITION_NOTIFICATION: 'Utanför detaljplan kräver rivning av ett bostadshus anmälan och startbesked.',
  DEMOLITION_SMALL: 'Utanför detaljplan kräver rivning av en mindre komplementbyggnad varken lov eller anmälan.',
  GROUND_CHANGE_PERMIT: 'Marken höjs eller sänks {groundChangeM} m, mer än {groundChangeMLimit} m. Det kräver marklov.',
  GROUND_CHANGE_SMALL:
    'Marken höjs eller sänks {groundChangeM} m, högst {groundChangeMLimit} m. Det kräver inte marklov.',
  GROUND_OUTSIDE_PLAN: 'Utanför detaljplan krävs inte marklov för schaktning och fyllning.',
  OUTLINE_OUTSIDE_PLAN:
    'Utanför detaljplan prövar kommunen om platsen passar för ett hus (lokaliseringsprövning). Ett positivt förhandsbesked gäller i två år.',
  OUTLINE_INSIDE_PLAN:
    'Inom detaljplan har planen redan avgjort var hus får byggas. Du kan oftast söka bygglov direkt.',
  SIGN_SMALL: 'Skylten är {areaM2} m², högst {areaM2Limit} m². Så små skyltar kräver inte bygglov.',
  SIGN_PERMIT: 'Inom detaljplan kräver skyltar bygglov.',
  SIGN_OUTSIDE_PLAN: 'Utanför detaljplan kräver skyltar inte bygglov, om inte områdesbestämmelser säger annat.',
  // The allowance ledger
  ALLOWANCE_REMAINING: 'Du har {remaining} m² kvar av {limit} m² för bygglovsbefriade byggnader på tomten.',
} as const;
