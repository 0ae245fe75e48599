import {Box, Text} from 'ink';
import {sanitize} from '../domain/sanitize.js';
import {useConsoleInfo} from '../hooks/ApiProvider.js';
import {useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useNavigation} from '../hooks/navigation.js';
import {useKeys} from '../hooks/useKeys.js';
import {principalLabel, useWhoami} from '../hooks/useWhoami.js';
import {Field} from './shared/Field.js';
import {ScreenFrame} from './shared/ScreenFrame.js';
import {ErrorView, LoadingView} from './shared/States.js';

const KEYS: BindingId[] = ['list.refresh', 'nav.back'];
const LABEL = 12;

/** Where the header's settings label came from, in an operator's words. */
export function settingsSource(profileLabel: string): string {
  if (profileLabel === 'env') return 'env (environment variables)';
  if (profileLabel === 'flags') return 'flags (command-line options)';
  if (profileLabel === 'demo sandbox') return 'demo sandbox (in-process, --demo)';
  return `profile ${sanitize(profileLabel)} (config file)`;
}

/** `:whoami`: who the console acts as, against which server, with which settings. Esc goes back. */
export function WhoamiScreen() {
  const nav = useNavigation();
  const whoami = useWhoami();
  const {serverHost, profileLabel} = useConsoleInfo();
  useKeys(({name}) => {
    if (matches('nav.back', name)) nav.back();
    else if (matches('list.refresh', name)) whoami.reload();
  }, useScreenActive());

  return (
    <ScreenFrame view="whoami" bindings={KEYS}>
      {(_rows, columns) => {
        if (whoami.status === 'loading') return <LoadingView what="the principal" />;
        if (whoami.status === 'error') return <ErrorView error={whoami.error} lead="whoami failed:" hint="r retry · esc back" />;
        const w = whoami.data;
        const field = (label: string, value: string) => <Field label={label} labelWidth={LABEL} value={sanitize(value)} width={columns} />;
        return (
          <Box flexDirection="column">
            {field('principal', principalLabel(w) ?? w.subject)}
            {field('type', w.principal_type)}
            {field('scope', w.principal_scope ?? '—')}
            {field('subject', w.subject)}
            {field('server', serverHost)}
            {field('settings', settingsSource(profileLabel))}
          </Box>
        );
      }}
    </ScreenFrame>
  );
}
