import {Box, Text} from 'ink';
import {useMemo, useState} from 'react';
import {sanitize} from '../domain/sanitize.js';
import {useConsoleInfo} from '../hooks/ApiProvider.js';
import {deniedMessage, useDenials} from '../hooks/denials.js';
import {useCapture, useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useNavigation, useViewState} from '../hooks/navigation.js';
import {utc} from '../domain/time.js';
import {stateAt, toRow, tokenReason} from '../hooks/tokenRoster.js';
import type {BootstrapToken} from '../hooks/types.js';
import {useClock} from '../hooks/useClock.js';
import {useKeys} from '../hooks/useKeys.js';
import {useProject} from '../hooks/useProject.js';
import {useStatus} from '../hooks/useStatus.js';
import {useTokenDetail} from '../hooks/useTokenDetail.js';
import {RevokeDialog} from './RevokeDialog.js';
import {Field} from './shared/Field.js';
import {ScreenFrame} from './shared/ScreenFrame.js';
import {ErrorView, LoadingView} from './shared/States.js';
import {color, stateRole} from './shared/theme.js';
import {useCopy} from './TokenCopy.js';

const KEYS: BindingId[] = ['detail.copy', 'tokens.revoke', 'list.refresh', 'nav.back'];
const ERROR_KEYS: BindingId[] = ['error.retry', 'nav.back'];

/** The detail's modes, kept in the navigation stack. */
type DetailState = {readonly mode: 'fields' | 'revoke'};
const initial = (): DetailState => ({mode: 'fields'});

/** Every metadata field of one token, absolute UTC times, and STATE with its reason. */
export function TokenDetailScreen({projectId, tokenId}: {readonly projectId: string; readonly tokenId: string}) {
  const nav = useNavigation();
  const showStatus = useStatus();
  const copy = useCopy();
  const {readOnly} = useConsoleInfo();
  const denials = useDenials();
  const detail = useTokenDetail(projectId, tokenId);
  const project = useProject(projectId);
  const [patched, setPatched] = useState<BootstrapToken>();
  const [state, setState] = useViewState(initial);
  const token = patched ?? (detail.status === 'ready' ? detail.data : undefined);
  const row = useMemo(() => (token ? toRow(token) : undefined), [token]);
  const now = useClock(row && row.fixed === 'live' && row.expiresMs - Date.now() < 60_000 ? 1000 : 60_000, row?.expiresMs);
  const confirming = state.mode === 'revoke' && token !== undefined;
  useCapture(confirming);

  useKeys(({name}) => {
    if (matches('nav.back', name)) nav.back();
    else if (matches('list.refresh', name) || (detail.status === 'error' && matches('error.retry', name))) setPatched(undefined), detail.reload();
    else if (token && matches('detail.copy', name)) copy.tokenId(token.id);
    else if (token && matches('tokens.revoke', name)) {
      const why = denials.reason(projectId, 'revoke');
      if (readOnly) showStatus('READ-ONLY session: revoking tokens is disabled (started with --read-only)', 'warn');
      else if (why) showStatus(deniedMessage('revoking tokens', why), 'warn');
      else setState({mode: 'revoke'});
    }
  }, useScreenActive() && !confirming);

  const slug = project.status === 'ready' ? project.data.slug : undefined;
  return (
    <ScreenFrame view="token" projectSlug={slug} bindings={detail.status === 'error' && !token ? ERROR_KEYS : KEYS}>
      {() =>
        detail.status === 'loading' && !token ? <LoadingView what={`token ${tokenId}`} />
        : detail.status === 'error' && !token ? <ErrorView error={detail.error} hint="r retry · esc back" />
        : token && row ? (
          confirming ? <RevokeDialog projectId={projectId} token={token} now={now} onRevoked={setPatched} onClose={() => setState({mode: 'fields'})} />
          : <TokenFields token={token} state={stateAt(row, now)} reason={tokenReason(row, now)} />
        ) : null
      }
    </ScreenFrame>
  );
}

type FieldsProps = {readonly token: BootstrapToken; readonly state: ReturnType<typeof stateAt>; readonly reason: string};

/** The metadata as label/value lines; STATE as a word, colour only repeats it. */
export function TokenFields({token, state, reason}: FieldsProps) {
  const lines: [string, string][] = [
    ['id', token.id],
    ['project_id', token.project_id],
    ['kind', token.kind],
    ['env_prefix', token.env_prefix],
    ['issued_at', utc(token.issued_at)],
    ['expires_at', utc(token.expires_at)],
    ['consumed_at', token.consumed_at ? utc(token.consumed_at) : '—'],
    ['revoked_at', token.revoked_at ? utc(token.revoked_at) : '—'],
    ['issued_by_user_id', token.issued_by_user_id],
  ];
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {'STATE'.padEnd(19)}
        <Text bold color={color(stateRole(state))}>{state}</Text>
        <Text color={color('ui.dim')}>{`  (${sanitize(reason)})`}</Text>
      </Text>
      <Text> </Text>
      {lines.map(([label, value]) => (
        <Field key={label} label={label} labelWidth={19} value={sanitize(value)} />
      ))}
    </Box>
  );
}
