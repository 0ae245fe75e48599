// Tab completes Project slugs after `:tokens ` and node names after `:rotate `, in any case,
// and the suggestion line lists the candidates.
import {describe, expect, it} from 'vitest';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
const open = async (): Promise<Rendered> => {
  const app = await renderApp(clientFor(sandbox().url, sandbox().operatorToken), {name: 'projects'});
  await app.waitFor('edge-prod');
  return app;
};
const commandLine = (f: string) => f.split('\n').at(-1) ?? '';

describe(': argument completion', () => {
  it('lists the Project slugs a prefix may become, completes what they share, then a unique one', async () => {
    const app = await open();
    await app.press(':', 'tokens E');
    const listed = await app.waitFor((f) => commandLine(f).includes('edge-prod · edge-staging'));
    expect(commandLine(listed)).not.toContain('core-services');
    await app.press('tab');
    await app.waitFor((f) => commandLine(f).startsWith(':tokens edge-'));
    await app.press('p', 'tab');
    await app.waitFor((f) => commandLine(f).startsWith(':tokens edge-prod'));
    await app.press('return');
    await app.waitFor('120 tokens');
    app.unmount();
  });

  it('completes a node name after :rotate (and :rot), in any case', async () => {
    const app = await open();
    await app.press(':', 'rot GW-F');
    await app.waitFor((f) => commandLine(f).includes('gw-fra-1'));
    await app.press('tab');
    await app.waitFor((f) => commandLine(f).startsWith(':rot gw-fra-1'));
    await app.press('return');
    await app.waitFor('Affected edges');
    app.unmount();
  });

  it('says when no name starts with what is typed, and Tab leaves it', async () => {
    const app = await open();
    await app.press(':', 'tokens zz');
    await app.waitFor((f) => commandLine(f).includes('no Project slug starts with that'));
    await app.press('tab');
    expect(commandLine(app.lastFrame())).toMatch(/^:tokens zz/);
    app.unmount();
  });
});
