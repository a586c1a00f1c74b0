import type { measureFindingSv } from './findings.sv';

/** English of ./findings.sv.ts, code for code. */
export const measureFindingEn: Record<keyof typeof measureFindingSv, string> = {
  RIVNINGSLOV_REQUIRED: 'You need to apply for a demolition permit.',
  MARKLOV_REQUIRED: 'You need to apply for a site-works permit (marklov).',
  OUTLINE_DECISION_ADVISED: 'Apply for an outline decision: the municipality tries whether a house may be built here.',
  MEASURE_VALUABLE_AREA:
    'The place is in an especially valuable environment or under protective provisions. A permit is needed even for minor works there.',
  PATIO_LOW: 'The deck is {heightM} m above the ground, at most {heightMLimit} m. A deck that low is not an extension.',
  PATIO_HIGH: 'The deck is {heightM} m above the ground, higher than {heightMLimit} m. It then counts as an extension.',
  FENCE_LOW: 'The fence is {heightM} m high, at most {heightMLimit} m. That low it counts as an open fence.',
  WALL_LOW: 'The wall is {heightM} m high, at most {heightMLimit} m. That low it does not count as a wall.',
  FENCE_NEAR_PUBLIC_LAND:
    'It is {distanceToPublicLandM} m from a street or other public land. Closer than {distanceToPublicLandMLimit} m needs a permit; neighbours cannot waive it.',
  SCREENED_PATIO:
    'It screens a patio: at most {heightMLimit} m high and at most {distanceFromHouseMLimit} m out from the house.',
  FENCE_CONSENT_GIVEN:
    'It stands {distanceToBoundaryM} m from the boundary. All owners of the neighbouring property must have agreed in writing.',
  FENCE_RURAL:
    'Outside a detailed plan and clustered settlement, fences and walls in immediate proximity of the house need no permit.',
  FENCE_NEEDS_CONSENT:
    'It stands {distanceToBoundaryM} m from the boundary. Closer than {distanceToBoundaryMLimit} m needs a permit unless all owners of the neighbouring property agree in writing.',
  FENCE_TOO_HIGH: 'It is {heightM} m high. Without a permit it may be at most {heightMLimit} m.',
  FENCE_TOO_FAR:
    'It reaches {distanceFromHouseM} m from the house. Without a permit it may reach at most {distanceFromHouseMLimit} m.',
  MEASURE_FACT_UNKNOWN:
    'A fact that decides the answer is missing. Until it is given, the safe side applies: expect a permit, or ask the municipality.',
  FENCE_PERMIT: 'Walls and solid fences need a permit when no exemption fits.',
  FIREPLACE_NOTIFICATION:
    'Installing or changing a fireplace or chimney needs a notification. You get a start approval before you begin.',
  LOAD_BEARING_NOTIFICATION: 'A change to the load-bearing structure needs a notification and a start approval.',
  VENTILATION_NOTIFICATION:
    'Installing or substantially changing ventilation needs a notification and a start approval.',
  FACADE_PROTECTED:
    'The house is in an area with protective provisions or special cultural value. Facade changes need a permit there.',
  FACADE_SMALL_HOUSE:
    'Since 1 December 2025 you may change the facade of a one- or two-dwelling house without a permit, outside protected areas.',
  FACADE_CHANGES_CHARACTER: 'Inside a detailed plan, a change that alters the character of the house needs a permit.',
  FACADE_NO_PERMIT: 'The change needs no permit here.',
  SOLAR_FOLLOWS_ROOF: 'Solar panels that follow the shape of the roof or facade need no permit.',
  SOLAR_STANDS_OUT: 'Solar panels that do not follow the roof’s shape need a permit inside a detailed plan.',
  DEMOLITION_PROTECTED: 'The building is under protective provisions. Demolition needs a demolition permit.',
  DEMOLITION_IN_PLAN: 'Inside a detailed plan, demolishing a building needs a demolition permit.',
  DEMOLITION_NOTIFICATION: 'Outside a detailed plan, demolishing a house needs a notification and a start approval.',
  DEMOLITION_SMALL:
    'Outside a detailed plan, demolishing a small outbuilding needs neither a permit nor a notification.',
  GROUND_CHANGE_PERMIT:
    'The ground is raised or lowered {groundChangeM} m, more than {groundChangeMLimit} m. That needs a site-works permit.',
  GROUND_CHANGE_SMALL:
    'The ground is raised or lowered {groundChangeM} m, at most {groundChangeMLimit} m. No site-works permit is needed.',
  GROUND_OUTSIDE_PLAN: 'Outside a detailed plan, digging and filling need no site-works permit.',
  OUTLINE_OUTSIDE_PLAN:
    'Outside a detailed plan the municipality tries whether the place suits a house (location test). A positive outline decision is valid for two years.',
  OUTLINE_INSIDE_PLAN:
    'Inside a detailed plan, the plan has already settled where houses may stand. You can usually apply for a permit directly.',
  SIGN_SMALL: 'The sign is {areaM2} m², at most {areaM2Limit} m². Signs that small need no permit.',
  SIGN_PERMIT: 'Inside a detailed plan, signs need a permit.',
  SIGN_OUTSIDE_PLAN: 'Outside a detailed plan, signs need no permit unless area regulations say otherwise.',
  ALLOWANCE_REMAINING: 'You have {remaining} m² left of {limit} m² for permit-free buildings on the plot.',
};
