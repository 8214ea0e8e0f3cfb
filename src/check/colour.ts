/**
 * Whether output to `stream` is coloured, by the conventions other command-line tools
 * share: FORCE_COLOR set to anything but `0` or `false` forces colour (Node's own rule,
 * which lets it win over NO_COLOR), a non-empty NO_COLOR turns it off (no-color.org), and
 * otherwise colour goes only to a terminal that is not `TERM=dumb`.
 */
export function useColour(stream: { isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}
