import {Box, Text} from 'ink';
import {sanitize} from '../../domain/sanitize.js';
import {color} from './theme.js';
import {truncate} from './text.js';

type HeaderProps = {
  readonly serverHost: string;
  readonly profileLabel: string;
  readonly principal?: string;
  readonly view: string;
  readonly projectSlug?: string;
  readonly readOnly: boolean;
  readonly width: number;
};

/** The one-line header: `plexconsole · host · profile · principal · view[ · slug]`. */
export function Header({serverHost, profileLabel, principal, view, projectSlug, readOnly, width}: HeaderProps) {
  const parts = ['plexconsole', serverHost, profileLabel, principal ?? '…', view];
  if (projectSlug) parts.push(projectSlug);
  if (readOnly) parts.push('READ-ONLY');
  return (
    <Text bold color={color('ui.header')} wrap="truncate">
      {truncate(parts.map((p) => sanitize(p)).join(' · '), width)}
    </Text>
  );
}

/** The one-line footer of key hints, generated from the keymap. */
export function Footer({text, width}: {readonly text: string; readonly width: number}) {
  return (
    <Text color={color('ui.dim')} wrap="truncate">
      {truncate(text, width)}
    </Text>
  );
}

/** A titled box for modals and prompts. */
export function Panel({title, children, tone}: {readonly title: string; readonly children: React.ReactNode; readonly tone?: 'danger' | 'focus'}) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color(tone === 'danger' ? 'ui.danger' : 'ui.focus')} paddingX={1}>
      <Text bold>{title}</Text>
      {children}
    </Box>
  );
}
