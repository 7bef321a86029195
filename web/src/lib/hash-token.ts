// Links carry their secret in the fragment (#token=…), which never reaches a server log.
let lastToken: string | null = null;

/** Reads `#token=` and removes it from the address bar (it must not linger in history). */
export function takeHashToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    lastToken = decodeURIComponent(match[1]);
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  // Read twice in React's strict mode: the second read gets the same token.
  return lastToken;
}
