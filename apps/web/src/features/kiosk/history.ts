/**
 * While the kiosk face is shown the browser keeps one history entry: every navigation replaces it. Steps
 * still have their own addresses, but there is nothing to go "back" to, so after a visit ends (endVisit()
 * replaces the entry with /kiosk) neither a back gesture nor history.back() can bring a visitor's page back.
 * The kiosk's own buttons ("Tillbaka" in the wizard) are the way back.
 */
export function keepOneHistoryEntry(): () => void {
  const history = window.history;
  const push = history.pushState;
  history.pushState = function pushAsReplace(data: unknown, unused: string, url?: string | URL | null) {
    history.replaceState(data, unused, url);
  };
  return () => {
    history.pushState = push;
  };
}
