import type L from 'leaflet';

// The map's layers in a fixed order, whatever order they arrive in (the surroundings load after the property):
// streets and water at the bottom, then the property, its plan, its boundary line and its existing buildings,
// then what is drawn (the overlay pane's own SVG), then the measurements on top. The panes sit inside Leaflet's
// overlay pane, so "the map's shapes" stay where Leaflet keeps them; negative z-indices put them under its SVG.
export const panes = {
  ground: 'lovisa-ground',
  property: 'lovisa-property',
  plan: 'lovisa-plan',
  boundary: 'lovisa-boundary',
  buildings: 'lovisa-buildings',
  measure: 'lovisa-measure',
} as const;

const zIndex: Record<keyof typeof panes, number> = {
  ground: -5,
  property: -4,
  plan: -3,
  boundary: -2,
  buildings: -1,
  measure: 1,
};

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(name: string, attrs: Record<string, string>): SVGElement {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

/**
 * Creates the panes (once per map) and the fill patterns: dots for prickmark and crosses for korsmark, as
 * Swedish plan maps draw them. The patterns live in a hidden SVG of their own; every pane's SVG can use them.
 */
export function ensurePanes(map: L.Map) {
  for (const [key, name] of Object.entries(panes) as [keyof typeof panes, string][]) {
    if (map.getPane(name)) continue;
    const pane = map.createPane(name, map.getPane('overlayPane'));
    pane.style.zIndex = String(zIndex[key]);
    // Nothing in these panes is clickable; the measurements' SVG above the drawn buildings must not catch
    // the clicks and drags meant for them.
    pane.style.pointerEvents = 'none';
  }
  const container = map.getContainer();
  if (container.querySelector('#lovisa-prick')) return;
  const svg = svgEl('svg', {
    width: '0',
    height: '0',
    'aria-hidden': 'true',
    focusable: 'false',
    class: 'map-patterns',
  });
  const defs = svgEl('defs', {});
  const prick = svgEl('pattern', { id: 'lovisa-prick', patternUnits: 'userSpaceOnUse', width: '7', height: '7' });
  prick.append(
    svgEl('rect', { width: '7', height: '7', fill: '#f3e3cf' }),
    svgEl('circle', { cx: '3.5', cy: '3.5', r: '1.2', fill: '#8a4b08' }),
  );
  const kors = svgEl('pattern', { id: 'lovisa-kors', patternUnits: 'userSpaceOnUse', width: '9', height: '9' });
  kors.append(
    svgEl('rect', { width: '9', height: '9', fill: '#dce8f0' }),
    svgEl('path', { d: 'M0,0L9,9M9,0L0,9', stroke: '#35607a', 'stroke-width': '0.8' }),
  );
  defs.append(prick, kors);
  svg.append(defs);
  container.append(svg);
}
