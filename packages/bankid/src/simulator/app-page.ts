import { visibleText, type SimOrder } from './order-book';
import { formatPersonalNumber, identityLabel, type SimIdentity } from './identities';

/**
 * The "test BankID app" as server-rendered HTML: no script and no external resources, so it works in any
 * browser, behind any proxy, and under a strict Content-Security-Policy.
 */

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface PageContext {
  /** Absolute path of the app page, prefix included, e.g. `/bankid-sim/app`. */
  appPath: string;
  now: number;
  identities: SimIdentity[];
  notice?: Notice | undefined;
  /** Sent back with every form; the simulator refuses a post without this browser's token. */
  csrfToken: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const kindName = { auth: 'Legitimering', sign: 'Underskrift' } as const;

function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function identityOptions(order: SimOrder, identities: SimIdentity[]): string | null {
  const required = order.requirement.personalNumber;
  if (required) {
    const match = identities.find((i) => i.personalNumber === required);
    if (!match) return null;
    return `<option value="${escapeHtml(match.personalNumber)}" selected>${escapeHtml(identityLabel(match))}</option>`;
  }
  const options = identities.map(
    (i) => `<option value="${escapeHtml(i.personalNumber)}">${escapeHtml(identityLabel(i))}</option>`,
  );
  return `<option value="">Välj identitet</option>${options.join('')}`;
}

function orderSection(order: SimOrder, ctx: PageContext): string {
  const ref = escapeHtml(order.orderRef);
  const short = escapeHtml(order.orderRef.slice(0, 8));
  const headingId = `order-${ref}`;
  const selectId = `identitet-${ref}`;
  const orderPath = `${ctx.appPath}/orders/${encodeURIComponent(order.orderRef)}`;
  const required = order.requirement.personalNumber;
  const options = identityOptions(order, ctx.identities);

  const facts = [
    `<dt>Order</dt><dd><a href="${orderPath}"><code>${ref}</code></a></dd>`,
    `<dt>Startad för</dt><dd>${formatAge(ctx.now - order.createdAt)} sedan</dd>`,
    `<dt>Krävt personnummer</dt><dd>${required ? escapeHtml(formatPersonalNumber(required)) : 'Inget krav'}</dd>`,
    `<dt>Status</dt><dd>${order.outcome.status === 'pending' && order.outcome.hintCode === 'userSign' ? 'Öppnad i appen' : 'Väntar på användaren'}</dd>`,
  ].join('');

  const shown = visibleText(order);
  const text =
    shown === undefined
      ? ''
      : `<h4>${order.kind === 'sign' ? 'Det här skriver du under' : 'Meddelande från tjänsten'}</h4>` +
        `<div class="uvd">${escapeHtml(shown)}</div>`;

  const choose =
    options === null
      ? `<p class="warning">Ordern kräver personnummer ${escapeHtml(formatPersonalNumber(required ?? ''))}, som inte finns bland testidentiteterna. Den kan bara avbrytas.</p>`
      : `<label for="${selectId}">Identitet</label>` +
        `<select id="${selectId}" name="personalNumber" required>${options}</select>`;

  const approve =
    options === null ? '' : `<button type="submit" name="beslut" value="godkann" class="primary">Godkänn</button>`;

  return `<section class="order" aria-labelledby="${headingId}">
<h3 id="${headingId}">${kindName[order.kind]}, order ${short}</h3>
<dl>${facts}</dl>
${text}
<form method="post" action="${orderPath}/approve">
<input type="hidden" name="csrf" value="${escapeHtml(ctx.csrfToken)}">
${choose}
<div class="buttons">${approve}<button type="submit" name="beslut" value="avbryt" formaction="${orderPath}/cancel" formnovalidate>Avbryt</button></div>
</form>
</section>`;
}

function layout(title: string, ctx: PageContext, body: string): string {
  const notice = ctx.notice
    ? ctx.notice.kind === 'error'
      ? `<p class="notice error" role="alert">${escapeHtml(ctx.notice.text)}</p>`
      : `<p class="notice info" role="status">${escapeHtml(ctx.notice.text)}</p>`
    : '';
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="bankid-sim-csrf" content="${escapeHtml(ctx.csrfToken)}">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>Test-BankID</h1>
<p class="simulator">Det här är en simulator av BankID-appen för test och demonstration. Ingen riktig legitimering eller underskrift sker, och identiteterna är påhittade testpersoner.</p>
</header>
<main>
${notice}
${body}
</main>
</body>
</html>`;
}

function lookupForm(ctx: PageContext): string {
  return `<form class="lookup" method="get" action="${ctx.appPath}/find" role="search">
<h2 id="hitta-rubrik">Hitta order med QR-data eller autostarttoken</h2>
<label for="kod">QR-data eller autostarttoken</label>
<input id="kod" name="kod" type="text" required maxlength="300" autocomplete="off" spellcheck="false">
<button type="submit">Hitta order</button>
</form>`;
}

export function renderOrderList(orders: SimOrder[], ctx: PageContext): string {
  const list =
    orders.length === 0
      ? '<p>Inga pågående order. Starta en inloggning eller underskrift i tjänsten och uppdatera sidan.</p>' +
        '<p>Här visas bara order som startats från din dator eller nätverksadress. Startade du på en annan enhet? Klistra in QR-datan eller autostarttoken nedan.</p>'
      : orders.map((o) => orderSection(o, ctx)).join('\n');
  return layout(
    'Test-BankID – pågående order',
    ctx,
    `<h2>Pågående order</h2>
<p><a href="${ctx.appPath}">Uppdatera listan</a></p>
<div class="orders">
${list}
</div>
${lookupForm(ctx)}`,
  );
}

/** One order, as the app shows it after a QR scan or an autostart; `order` undefined when it has ended. */
export function renderOrderPage(order: SimOrder | undefined, ctx: PageContext): string {
  const content = order ? orderSection(order, ctx) : '<p>Ordern finns inte eller är inte längre pågående.</p>';
  return layout(
    order ? `Test-BankID – order ${order.orderRef.slice(0, 8)}` : 'Test-BankID – order saknas',
    ctx,
    `<p><a href="${ctx.appPath}">Tillbaka till alla pågående order</a></p>\n<h2>Öppnad order</h2>\n${content}`,
  );
}

export function renderLookupFailure(ctx: PageContext): string {
  return layout(
    'Test-BankID – order hittades inte',
    ctx,
    `<p><a href="${ctx.appPath}">Tillbaka till alla pågående order</a></p>\n${lookupForm(ctx)}`,
  );
}

const css = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 44rem; padding: 1rem; color: #1a1a1a; background: #fff; font-size: 1.125rem; }
h1 { margin: 0.5rem 0; color: #193e4f; }
.simulator { background: #fff4ce; border-left: 0.4rem solid #8a6d00; padding: 0.5rem 0.75rem; }
.order, .lookup { border: 2px solid #5c6b73; border-radius: 0.5rem; padding: 1rem; margin: 1rem 0; }
h3 { margin-top: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
.uvd { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f5f6; border: 1px solid #5c6b73; padding: 0.75rem; margin-bottom: 1rem; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
select, input { font: inherit; min-height: 3rem; width: 100%; box-sizing: border-box; padding: 0.25rem 0.5rem; border: 2px solid #5c6b73; border-radius: 0.25rem; }
.buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
button { font: inherit; font-weight: 600; min-height: 3rem; min-width: 8rem; padding: 0.5rem 1.25rem; border-radius: 0.5rem; border: 2px solid #193e4f; background: #fff; color: #193e4f; cursor: pointer; }
button.primary { background: #193e4f; color: #fff; }
.lookup h2 { margin-top: 0; font-size: 1.25rem; }
.lookup button { margin-top: 0.75rem; }
:focus-visible { outline: 3px solid #b3541e; outline-offset: 2px; }
.notice { padding: 0.75rem; border-radius: 0.25rem; font-weight: 600; }
.error { background: #fde8e8; border-left: 0.4rem solid #a4161a; }
.info { background: #e6f4ea; border-left: 0.4rem solid #1e6b34; }
.warning { background: #fde8e8; padding: 0.5rem; }
a { color: #0b5394; }
`;
