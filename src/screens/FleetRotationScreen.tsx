import {useEffect, useState} from 'react';
import {useConsoleInfo} from '../hooks/ApiProvider.js';
import {useCapture, useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useNavigation} from '../hooks/navigation.js';
import {useFleetRotation} from '../hooks/useFleetRotation.js';
import {useKeys} from '../hooks/useKeys.js';
import {useStatus} from '../hooks/useStatus.js';
import {FleetPreviewView, FleetRunView} from './FleetRotationView.js';
import {ScreenFrame} from './shared/ScreenFrame.js';
import {ErrorView, LoadingView} from './shared/States.js';
import {editText} from '../hooks/textEdit.js';

const PREVIEW_KEYS: BindingId[] = ['fleet.confirm', 'fleet.wave', 'nav.back'];
const RUN_KEYS: BindingId[] = ['fleet.stop'];
const DONE_KEYS: BindingId[] = ['fleet.resume', 'nav.back'];

/** Marked Nodes → aggregate preview → typed node count → waves with live progress → report. */
export function FleetRotationScreen({nodes, labels}: {readonly nodes: readonly string[]; readonly labels: Readonly<Record<string, string>>}) {
  const nav = useNavigation();
  const showStatus = useStatus();
  const {readOnly} = useConsoleInfo();
  const {state, start, stop} = useFleetRotation(nodes, labels);
  const [waveSize, setWaveSize] = useState(1);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  // The typed field and a running fleet own every key (no `1` `2` `3` jumps mid-run).
  useCapture(state.status === 'ready' || state.status === 'running');
  // A tick a second while rotating, so "rotating… 3s" moves; nothing runs once done.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (state.status !== 'running') return;
    const t = setInterval(() => setTick((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, [state.status]);
  useEffect(() => {
    if (state.status !== 'done') return;
    const failed = [...state.progress.values()].some((p) => p.kind === 'ended' && p.outcome.kind === 'failed');
    showStatus(failed ? 'Fleet rotation stopped at a failure' : `Fleet rotation: ${nodes.length} nodes completed`, failed ? 'warn' : 'ok');
  }, [state.status]); // eslint-disable-line react-hooks/exhaustive-deps

  useKeys((press) => {
    const {name} = press;
    if (state.status === 'running') {
      if (matches('fleet.stop', name)) stop();
      return;
    }
    if (state.status === 'done') {
      const left = [...state.progress.entries()].filter(([, p]) => p.kind === 'ended' && p.outcome.kind !== 'completed').map(([id]) => id);
      if (matches('fleet.resume', name, readOnly) && left.length > 0) nav.replace({name: 'fleetRotation', nodes: left, labels});
      else if (matches('nav.back', name)) nav.back();
      return;
    }
    if (matches('nav.back', name)) return nav.back();
    if (state.status !== 'ready') {
      if (matches('error.retry', name)) nav.replace({name: 'fleetRotation', nodes: [...nodes], labels});
      return;
    }
    if (name === '+') setWaveSize((w) => Math.min(nodes.length, w + 1));
    else if (name === '-') setWaveSize((w) => Math.max(1, w - 1));
    else if (matches('fleet.confirm', name, readOnly)) {
      if (typed.trim() === String(state.summary.nodes)) start(waveSize);
      else setMismatch(true);
    } else if (name === 'backspace' || /^[0-9]$/.test(name)) {
      setTyped((t) => editText(t, press, 6));
      setMismatch(false);
    }
  }, useScreenActive());

  const bindings = state.status === 'running' ? RUN_KEYS : state.status === 'done' ? DONE_KEYS : PREVIEW_KEYS;
  return (
    <ScreenFrame view="rotate fleet" bindings={bindings}>
      {(rows, columns) =>
        state.status === 'loading' ? <LoadingView what={`previews of ${nodes.length} nodes`} />
        : state.status === 'error' ? <ErrorView error={state.error} hint={`${state.nodeId ? `preview of ${labels[state.nodeId] ?? state.nodeId} · ` : ''}nothing was rotated · r retry · esc back`} />
        : state.status === 'ready' ? <FleetPreviewView state={state} labels={labels} waveSize={waveSize} typed={typed} mismatch={mismatch} width={columns} />
        : <FleetRunView state={state} labels={labels} rows={rows} width={columns} />
      }
    </ScreenFrame>
  );
}
