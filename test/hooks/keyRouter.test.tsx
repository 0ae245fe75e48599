import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useState} from 'react';
import {describe, expect, it} from 'vitest';
import {KeyRouter} from '../../src/hooks/keyRouter.js';
import {useKeys} from '../../src/hooks/useKeys.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !ok(); i++) await tick(10);
}

/** A router with one layer that records the name of every key it gets. */
function renderSpy() {
  const seen: string[] = [];
  function Spy() {
    useKeys(({name}) => seen.push(name));
    return <Text>spy</Text>;
  }
  return {seen, r: render(<KeyRouter><Spy /></KeyRouter>)};
}

// Two layers like the app's: a list whose `n` opens a prompt, and the prompt, which
// takes text. Closures over plain useState would go stale inside a batch.
function Layers() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [quit, setQuit] = useState(false);
  useKeys(({name}) => {
    if (name === 'n') setOpen(true);
    if (name === 'q') setQuit(true);
  }, !open);
  useKeys(({name, input}) => {
    if (name === 'escape') setOpen(false);
    else if (input.length === 1 && name === input) setText(text + input);
  }, open);
  return <Text>{`open=${open} text=${text} quit=${quit}`}</Text>;
}

describe('key router', () => {
  it('a batch that opens a prompt hands the rest of the batch to the prompt, in order', async () => {
    const r = render(<KeyRouter><Layers /></KeyRouter>);
    await tick(30);
    r.stdin.write('nquit');
    await until(() => (r.lastFrame() ?? '').includes('text=quit'));
    await tick(30);
    expect(r.lastFrame()).toBe('open=true text=quit quit=false');
  });

  it('escape sequences and enter in one chunk arrive as separate keys', async () => {
    const {seen, r} = renderSpy();
    await tick(30);
    r.stdin.write('\u001b[B\u001b[Bj\r');
    await until(() => seen.length >= 4);
    expect(seen).toEqual(['down', 'down', 'j', 'return']);
  });

  it('keys Ink parses out of one read (↓ ↓ ⏎) each act on the state the previous one left', async () => {
    // Ink hands such a read to the router as separate, synchronous input events; plain
    // useState must still see each key's render before the next key.
    function Cursor() {
      const [index, setIndex] = useState(0);
      const [opened, setOpened] = useState<number>();
      useKeys(({name}) => {
        if (name === 'down') setIndex(index + 1);
        if (name === 'return') setOpened(index);
      });
      return <Text>{`opened=${opened}`}</Text>;
    }
    const r = render(<KeyRouter><Cursor /></KeyRouter>);
    await tick(30);
    r.stdin.write('\u001b[B\u001b[B\r');
    await until(() => (r.lastFrame() ?? '').includes('opened=2'));
    expect(r.lastFrame()).toBe('opened=2');
  });

  it('Esc and a character in one read are two keys: the console binds no Alt keys', async () => {
    const {seen, r} = renderSpy();
    await tick(30);
    for (const chunk of ['\u001b/', '\u001b\u001b', '\u001bx']) {
      r.stdin.write(chunk);
      await tick(60);
    }
    await until(() => seen.length >= 6);
    expect(seen).toEqual(['escape', '/', 'escape', 'escape', 'escape', 'x']);
  });
});
