import {useApp} from 'ink';
import {Component, useCallback, useMemo, useRef, useState, type ReactNode} from 'react';
import {AppChromeContext} from './hooks/appChrome.js';
import {argumentKind, completeCommand, parseCommand, suggestCommands} from './hooks/commandLine.js';
import {useCommandNames} from './hooks/useCommandNames.js';
import {InputLayerContext} from './hooks/inputLayer.js';
import {InterruptProvider, useInterruptRouter} from './hooks/interrupt.js';
import {matches} from './hooks/keymap.js';
import {NavigationContext, ViewSlotContext, type Navigation, type Route} from './hooks/navigation.js';
import {useAppState} from './hooks/useAppState.js';
import {useKeys, type KeyPress} from './hooks/useKeys.js';
import {DenialsProvider} from './hooks/denials.js';
import {RotationRegistryProvider} from './hooks/rotationRegistry.js';
import {useRedraw, useRedrawOnResize} from './hooks/useRedraw.js';
import {useTerminalSize} from './hooks/useTerminalSize.js';
import {StatusContext, type StatusMessage, type StatusTone} from './hooks/useStatus.js';
import {principalLabel, useWhoami} from './hooks/useWhoami.js';
import {editText} from './hooks/textEdit.js';
import {ScreenFor} from './screens/index.js';

const STATUS_MS = 4000;

/** The console: screen stack, global keys, overlays and the status line. */
export function App({initialRoute}: {readonly initialRoute: Route}) {
  const {exit} = useApp();
  const [state, dispatch] = useAppState(initialRoute);
  const whoami = useWhoami();
  const names = useCommandNames(state.overlay === 'command' ? argumentKind(state.commandText) : undefined);
  const interrupt = useInterruptRouter(exit);
  const [captured, setCapturedSet] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<StatusMessage>();
  const statusTimer = useRef<NodeJS.Timeout>(undefined);
  const statusId = useRef(0);

  const showStatus = useCallback((text: string, tone: StatusTone = 'info') => {
    clearTimeout(statusTimer.current);
    setStatus({text, tone, id: ++statusId.current});
    // Cleared once, so an idle console goes silent again after a few seconds.
    statusTimer.current = setTimeout(() => setStatus(undefined), STATUS_MS);
  }, []);

  const setCaptured = useCallback((owner: string, on: boolean) => {
    setCapturedSet((prev) => {
      if (prev.has(owner) === on) return prev;
      const next = new Set(prev);
      if (on) next.add(owner);
      else next.delete(owner);
      return next;
    });
  }, []);

  // Read by `2` and `:tokens` when pressed, never drawn: a ref, so the Tokens screen recording
  // the Project it resolved does not render every screen a second time.
  const lastProject = useRef<string>(undefined);
  const nav = useMemo<Navigation>(
    () => ({
      push: (route) => dispatch({type: 'push', route}),
      replace: (route) => dispatch({type: 'replace', route}),
      back: () => dispatch({type: 'back'}),
      reset: (route) => dispatch({type: 'reset', route}),
      jump: (route) => dispatch({type: 'jump', route}),
      rememberProject: (ref) => void (lastProject.current = ref),
    }),
    [dispatch],
  );

  const onGlobalKey = ({name}: KeyPress) => {
    if (matches('app.help', name)) dispatch({type: 'overlay', overlay: 'help'});
    else if (matches('app.command', name)) dispatch({type: 'overlay', overlay: 'command'});
    else if (matches('app.quit', name)) exit();
    else if (matches('nav.projects', name)) nav.jump({name: 'projects'});
    else if (matches('nav.nodes', name)) nav.jump({name: 'nodes'});
    else if (matches('nav.rotations', name)) nav.jump({name: 'rotations'});
    else if (matches('nav.tokens', name)) {
      if (lastProject.current) nav.jump({name: 'tokens', project: lastProject.current});
      else showStatus('Open a Project first (1, then Enter)', 'warn');
    }
  };

  const runCommand = (text: string) => {
    const command = parseCommand(text, lastProject.current);
    if (command.kind === 'go') nav.jump(command.route);
    else if (command.kind === 'quit') exit();
    else if (command.kind === 'error') showStatus(command.message, 'warn');
    else dispatch({type: 'overlay', overlay: 'help'});
  };

  const onOverlayKey = (press: KeyPress) => {
    if (state.overlay === 'help') {
      if (['escape', '?', 'q', 'return'].includes(press.name)) dispatch({type: 'overlay', overlay: 'none'});
      return;
    }
    if (press.name === 'escape') dispatch({type: 'overlay', overlay: 'none'});
    else if (press.name === 'return') {
      dispatch({type: 'overlay', overlay: 'none'});
      runCommand(state.commandText);
    } else if (press.name === 'tab') dispatch({type: 'command', text: completeCommand(state.commandText, names)});
    else dispatch({type: 'command', text: editText(state.commandText, press, 120)});
  };

  // ctrl+l works everywhere, modals and prompts included: it changes nothing but the screen.
  const redraw = useRedraw();
  useKeys(({name}) => void (matches('app.redraw', name) && redraw()));
  useRedrawOnResize(useTerminalSize());
  useKeys(onGlobalKey, state.overlay === 'none' && captured.size === 0);
  useKeys(onOverlayKey, state.overlay !== 'none');

  const depth = state.stack.length - 1;
  const entry = state.stack[depth] ?? {route: initialRoute};
  const route = entry.route;
  const slot = useMemo(() => ({view: entry.view, setView: (view: unknown) => dispatch({type: 'view', depth, view})}), [entry.view, depth, dispatch]);
  const principal = whoami.status === 'ready' ? principalLabel(whoami.data) : whoami.status === 'error' ? '(whoami failed)' : undefined;
  // Stable context values: every screen frame and input layer consumes these.
  const suggestions = useMemo(() => (state.overlay === 'command' ? suggestCommands(state.commandText, names) : []), [state.overlay, state.commandText, names]);
  const chrome = useMemo(
    () => ({overlay: state.overlay, commandText: state.commandText, suggestions, status, captured: captured.size > 0, principal}),
    [state.overlay, state.commandText, suggestions, status, captured, principal],
  );
  const layer = useMemo(
    () => ({screenActive: state.overlay === 'none', setCaptured, showHelp: () => dispatch({type: 'overlay', overlay: 'help'})}),
    [state.overlay, setCaptured, dispatch],
  );
  return (
    <NavigationContext.Provider value={nav}>
      <StatusContext.Provider value={showStatus}>
        <RotationRegistryProvider>
        <DenialsProvider>
        <InputLayerContext.Provider value={layer}>
          <AppChromeContext.Provider value={chrome}>
            <InterruptProvider value={interrupt}>
              <ErrorBoundary onError={(e) => exit(e)}>
                <ViewSlotContext.Provider value={slot}>
                  <ScreenFor key={`${depth}:${JSON.stringify(route)}`} route={route} />
                </ViewSlotContext.Provider>
              </ErrorBoundary>
            </InterruptProvider>
          </AppChromeContext.Provider>
        </InputLayerContext.Provider>
        </DenialsProvider>
        </RotationRegistryProvider>
      </StatusContext.Provider>
    </NavigationContext.Provider>
  );
}

/** Turns a render crash into an orderly exit: the runner restores the terminal and prints it. */
class ErrorBoundary extends Component<{onError: (e: Error) => void; children: ReactNode}, {failed: boolean}> {
  override state = {failed: false};
  static getDerivedStateFromError() {
    return {failed: true};
  }
  override componentDidCatch(error: Error) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
