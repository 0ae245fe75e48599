import {Box, Text} from 'ink';
import {useState} from 'react';
import {formatDuration} from '../domain/duration.js';
import {utc} from '../domain/time.js';
import {useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useNavigation} from '../hooks/navigation.js';
import {useRotationRegistry, type SessionRotation} from '../hooks/rotationRegistry.js';
import {useClock} from '../hooks/useClock.js';
import {useKeys} from '../hooks/useKeys.js';
import {ScreenFrame} from './shared/ScreenFrame.js';
import {EmptyView} from './shared/States.js';
import {color} from './shared/theme.js';
import {truncate} from './shared/text.js';

const KEYS: BindingId[] = ['list.up', 'list.down', 'nav.back'];

/** `:rotations`: the rotations confirmed in this session, newest first, with live progress. */
export function RotationsScreen() {
  const nav = useNavigation();
  const {rotations} = useRotationRegistry();
  const [offset, setOffset] = useState(0);
  const pending = rotations.filter((r) => r.state === 'pending').length;
  // Elapsed ticks once a second while something is pending; an all-settled list is silent.
  const now = useClock(pending > 0 ? 1000 : 3_600_000);
  useKeys(({name}) => {
    if (matches('nav.back', name)) nav.back();
    else if (matches('list.down', name)) setOffset((o) => Math.min(o + 1, Math.max(0, rotations.length - 1)));
    else if (matches('list.up', name)) setOffset((o) => Math.max(0, o - 1));
  }, useScreenActive());

  return (
    <ScreenFrame view="rotations" bindings={KEYS}>
      {(rows, columns) => {
        if (rotations.length === 0) return <EmptyView message="No rotation confirmed in this session yet." hint="esc back" />;
        const height = Math.max(1, rows - 2);
        const start = Math.min(offset, Math.max(0, rotations.length - height));
        return (
          <Box flexDirection="column">
            <Text wrap="truncate">
              {`${rotations.length} this session · ${pending} pending · ${rotations.length - pending} ended`}
              <Text color={color('ui.dim')}> · newest first</Text>
            </Text>
            <Text color={color('ui.dim')} wrap="truncate">{'STATE'.padEnd(11)}{'ELAPSED'.padEnd(16)}{'KIND'.padEnd(7)}{'STARTED'.padEnd(22)}NODE</Text>
            {rotations.slice(start, start + height).map((r) => <Row key={r.nodeId} r={r} now={now} width={columns} />)}
          </Box>
        );
      }}
    </ScreenFrame>
  );
}

function Row({r, now, width}: {readonly r: SessionRotation; readonly now: number; readonly width: number}) {
  const elapsed = formatDuration(Math.floor(((r.endedAt ?? now) - r.startedAt) / 1000));
  const role = r.state === 'failed' ? 'status.error' : r.state === 'completed' ? 'status.ok' : 'status.warn';
  return (
    <Text wrap="truncate">
      <Text color={color(role)}>{r.state.padEnd(11)}</Text>
      {`${elapsed} of ~${formatDuration(r.estimateMs / 1000)}`.padEnd(16)}
      {(r.fleet ? 'fleet' : 'single').padEnd(7)}
      {utc(new Date(r.startedAt).toISOString()).padEnd(22)}
      {truncate(r.label, Math.max(8, width - 56))}
    </Text>
  );
}
