// The console's first-frame floor: Ink (with the same yoga and Ink patches) renders a header
// line the harness recognises and one row, then waits for `q`. `--once` exits after the first
// frame (the build's code-cache run, without a terminal).
import {Box, render, Text, useApp, useInput} from 'ink';
import {useEffect} from 'react';

function Floor({once}: {once: boolean}) {
  const {exit} = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  }, {isActive: !once});
  useEffect(() => {
    if (once) exit();
  }, [once, exit]);
  return (
    <Box flexDirection="column">
      <Text>plexconsole · floor</Text>
      <Text>ready</Text>
    </Box>
  );
}

export async function floorInk(args: string[]): Promise<number> {
  const once = args.includes('--once') || !process.stdin.isTTY;
  // The console's render options (src/console.tsx).
  const app = render(<Floor once={once} />, {exitOnCtrlC: true, incrementalRendering: true, maxFps: 30});
  await app.waitUntilExit();
  return 0;
}
