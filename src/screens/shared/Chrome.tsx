import {Box, Text} from 'ink';
import {memo} from 'react';
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

/** The one-line header: `plexconsole · host · profile · principal · view[ · slug]`. Memoised: its props change rarely. */
export const Header = memo(function Header({serverHost, profileLabel, principal, view, projectSlug, readOnly, width}: HeaderProps) {
  return (
    <Text bold color={color('ui.header')} wrap="truncate">
      {headerText({serverHost, profileLabel, principal, view, projectSlug, readOnly}, width)}
    </Text>
  );
});

/**
 * Fits the header into `width`. Where the operator is (view, project) and
 * READ-ONLY matter most, so the principal, then the host, then the profile
 * shrink first; only then is the line cut at the end.
 */
export function headerText(h: Omit<HeaderProps, 'width'>, width: number): string {
  const tail = [h.view, ...(h.projectSlug ? [h.projectSlug] : []), ...(h.readOnly ? ['READ-ONLY'] : [])].map((p) => sanitize(p));
  const flexible = [sanitize(h.serverHost), sanitize(h.profileLabel), sanitize(h.principal ?? '…')];
  const join = () => ['plexconsole', ...flexible, ...tail].join(' · ');
  for (const i of [2, 0, 1]) {
    const over = join().length - width;
    if (over <= 0) break;
    const part = flexible[i]!;
    flexible[i] = truncate(part, Math.max(4, part.length - over));
  }
  return truncate(join(), width);
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
