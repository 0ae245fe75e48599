// The build patches third-party sources by exact text; a new version that changed the text
// must fail the build loudly, never ship an unpatched module.
export function mustReplace(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`${what} changed: re-check its patch under scripts/ (${JSON.stringify(from.slice(0, 60))})`);
  return text.replace(from, to);
}
