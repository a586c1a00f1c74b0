import L from 'leaflet';

/**
 * The map's labels (street and property names, building numbers, distances: permanent tooltips with the class
 * `map-label`, direction 'center') are centred on their point by CSS (`translate: -50% -50%`, styles.css)
 * instead of by Leaflet. Leaflet 1.9's `Tooltip._setPosition` reads each label's `offsetWidth`/`offsetHeight`
 * to centre it, right after writing the previous label's classes and position, so every label placed forced
 * the browser to lay the page out again: a dozen forced layouts each time the map is drawn, zoomed or panned
 * (Lighthouse's "forced reflow" in `_setPosition` on the map step). Same place on screen, no measuring.
 * Other tooltips keep Leaflet's own placement. Leaflet is pinned (apps/web/package.json): this overrides a
 * private method of 1.9.4.
 */
type TooltipInternals = L.Tooltip & {
  _container: HTMLElement;
  _initLayout(): void;
  _getAnchor(): L.Point;
  _setPosition(pos: L.Point): void;
  _centredByCss?: boolean;
};

const proto = L.Tooltip.prototype as unknown as TooltipInternals;
const leafletSetPosition = proto._setPosition;
const leafletInitLayout = proto._initLayout;

export const isCentredLabel = (options: L.TooltipOptions) =>
  options.direction === 'center' && /(^|\s)map-label(\s|$)/.test(options.className ?? '');

proto._setPosition = function (this: TooltipInternals, pos: L.Point) {
  if (!isCentredLabel(this.options)) return leafletSetPosition.call(this, pos);
  const container = this._container;
  if (!this._centredByCss) {
    // What Leaflet's own method leaves on a centred tooltip, written once rather than on every move.
    L.DomUtil.addClass(container, 'leaflet-tooltip-center');
    this._centredByCss = true;
  }
  L.DomUtil.setPosition(container, pos.add(L.point(this.options.offset ?? [0, 0])).add(this._getAnchor()));
};

/**
 * A map label is text always on view, not a tooltip: Leaflet gives every tooltip `role="tooltip"`, and
 * react-leaflet portals a label's text into it one render after Leaflet has put the element on the page. In
 * that moment the page held an empty `role="tooltip"` (axe: aria-tooltip-name), which CI's axe checks of the
 * case view caught now and then. Without the role the label is plain text, which is what it is; the map's
 * text summaries (drawingText.ts) carry the same facts for screen readers.
 */
proto._initLayout = function (this: TooltipInternals) {
  leafletInitLayout.call(this);
  if (isCentredLabel(this.options)) this._container.removeAttribute('role');
};
