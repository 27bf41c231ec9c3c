/** Where to go after logging in: the page that asked for it, if it is one of ours. */
export function returnPath(search: string): string {
  const to = new URLSearchParams(search).get('next') ?? '/';
  // Only paths on this site: `//evil.example` and absolute URLs would leave it.
  return to.startsWith('/') && !to.startsWith('//') ? to : '/';
}
