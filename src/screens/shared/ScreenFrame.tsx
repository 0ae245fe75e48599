import {Box, Text} from 'ink';
import {useMemo, useState, type ReactNode} from 'react';
import {listMoveFor, stepIndex} from '../../hooks/listWindow.js';
import {useKeys} from '../../hooks/useKeys.js';
import {FooterBindingsContext} from './footerBindings.js';
import {useAppChrome} from '../../hooks/appChrome.js';
import {useConsoleInfo} from '../../hooks/ApiProvider.js';
import {fitHints, helpRows, hintLabels, type BindingId} from '../../hooks/keymap.js';
import {useTerminalSize} from '../../hooks/useTerminalSize.js';
import {Footer, Header} from './Chrome.js';
import {color} from './theme.js';
import {truncate} from './text.js';

// Header, status line and footer, plus one spare row: the frame must stay
// shorter than the terminal or Ink clears the whole screen on every update.
export const FRAME_CHROME_ROWS = 4;

/** Below this the screens cannot be drawn without lines running into each other. */
export const MIN_SIZE = {columns: 50, rows: 15} as const;

type ScreenFrameProps = {
  readonly view: string;
  readonly projectSlug?: string;
  /** The bindings of this screen, for the footer and the `?` overlay. */
  readonly bindings: readonly BindingId[];
  /** Renders the body into the rows it may use. */
  readonly children: (bodyRows: number, columns: number) => ReactNode;
};

/** The layout every screen shares: header, body, status line, footer — and the app overlays. */
export function ScreenFrame({view, projectSlug, bindings: own, children}: ScreenFrameProps) {
  const {columns, rows} = useTerminalSize();
  const [modal, setModal] = useState<readonly BindingId[]>();
  const bindings = modal ?? own;
  const info = useConsoleInfo();
  const chrome = useAppChrome();
  const bodyRows = Math.max(3, rows - FRAME_CHROME_ROWS);
  const globals: BindingId[] = ['app.command', 'app.help', 'app.quit'];
  // `? help` leads: when 80 columns cut the footer, the way to every key survives.
  // While a modal holds the keyboard the global keys are off, so they are not offered.
  // Derived once per screen mode, not on every key press that re-renders the screen.
  const footer = useMemo(() => {
    const own = hintLabels(bindings, info.readOnly);
    return chrome.captured ? fitHints([], own, [], columns) : fitHints(hintLabels(['app.help'], false), own, hintLabels(['app.command', 'app.quit'], false), columns);
  }, [chrome.captured, bindings, info.readOnly, columns]);
  const tooSmall = columns < MIN_SIZE.columns || rows < MIN_SIZE.rows;
  const body = <FooterBindingsContext.Provider value={setModal}>{children(bodyRows, columns)}</FooterBindingsContext.Provider>;
  // Below the minimum the frame stays mounted but hidden (same tree, nothing remounts), so a
  // half-typed confirmation survives a pane briefly made too small.
  return (
    <>
      {tooSmall ? <Text wrap="truncate">terminal too small (need {MIN_SIZE.columns}×{MIN_SIZE.rows})</Text> : null}
    <Box flexDirection="column" width={columns} display={tooSmall ? 'none' : 'flex'}>
      <Header {...info} principal={chrome.principal} view={view} projectSlug={projectSlug} width={columns} />
      <Box flexDirection="column" height={bodyRows} overflow="hidden">
        {chrome.overlay === 'help' ? <HelpOverlay bindings={chrome.captured ? bindings : [...bindings, 'nav.projects', 'nav.tokens', 'nav.nodes', 'nav.rotations', ...globals]} readOnly={info.readOnly} rows={bodyRows} columns={columns} /> : null}
        {/* Kept mounted under the help overlay: a modal's state (typed text) survives `?`. */}
        <Box display={chrome.overlay === 'help' ? 'none' : 'flex'} flexDirection="column">
          {body}
        </Box>
      </Box>
      <Text color={chrome.status ? color(`status.${chrome.status.tone}`) : undefined} wrap="truncate">
        {chrome.status ? truncate(chrome.status.text, columns) : ' '}
      </Text>
      {chrome.overlay === 'command' ? (
        <Text wrap="truncate">
          :{chrome.commandText}
          <Text inverse> </Text>
          <Text color={color('ui.dim')}>{`  ${(chrome.suggestions ?? []).join(' · ') || 'no such command'} · tab completes`}</Text>
        </Text>
      ) : (
        <Footer text={footer} width={columns} />
      )}
    </Box>
    </>
  );
}

type HelpProps = {readonly bindings: readonly BindingId[]; readonly readOnly: boolean; readonly rows: number; readonly columns: number};

/** The `?` overlay: every key of the current screen, from the keymap table; scrolls, and says when there is more. */
function HelpOverlay({bindings, readOnly, rows, columns}: HelpProps) {
  const seen = new Set<string>();
  const lines = helpRows(bindings, readOnly).filter((r) => !seen.has(r.keys + r.help) && seen.add(r.keys + r.help));
  const keyWidth = Math.min(22, Math.max(...lines.map((l) => l.keys.length)) + 2);
  // Title and the "more" line take two rows; the rest is the window.
  const height = Math.max(1, rows - 2);
  const max = Math.max(0, lines.length - height);
  const [offset, setOffset] = useState(0);
  const top = Math.min(offset, max);
  useKeys(({name}) => {
    // The window itself moves (no cursor): ↓ shows one more line, PgDn a page, G the end.
    const move = listMoveFor(name);
    if (move) setOffset(Math.min(max, Math.max(0, stepIndex(top, move, max + 1, height))));
  });
  const below = lines.length - top - height;
  return (
    <Box flexDirection="column">
      <Text bold>Keys on this screen (esc or ? closes)</Text>
      {lines.slice(top, top + height).map((l) => (
        <Text key={l.keys + l.help} wrap="truncate">
          <Text color={color('ui.focus')}>{l.keys.padEnd(keyWidth)}</Text>
          {truncate(l.help, Math.max(10, columns - keyWidth))}
        </Text>
      ))}
      {top > 0 || below > 0 ? (
        <Text color={color('ui.dim')} wrap="truncate">
          {below > 0 ? `↓ ${below} more` : 'end'}{top > 0 ? ` · ↑ ${top} above` : ''} · ↑↓ PgUp PgDn scroll
        </Text>
      ) : null}
    </Box>
  );
}
