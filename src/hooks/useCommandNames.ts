import {useEffect, useRef, useState} from 'react';
import {listAllNodes} from '../api/nodes.js';
import {listAllProjects} from '../api/projects.js';
import {useApi} from './ApiProvider.js';
import type {CommandNames} from './commandLine.js';
import {nodeName} from './nodeLabel.js';

/**
 * The names `:tokens ` and `:rotate ` complete to, fetched once per session when the
 * command line first asks for them (`kind`): Project slugs and node names. A failed fetch
 * leaves the list empty rather than retrying on every keypress.
 */
export function useCommandNames(kind: keyof CommandNames | undefined): CommandNames {
  const client = useApi();
  const [names, setNames] = useState<CommandNames>({});
  // Asked once each: closing the command line mid-fetch keeps the answer for next time.
  const asked = useRef(new Set<keyof CommandNames>());
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  useEffect(() => {
    const want = kind;
    if (!want || asked.current.has(want)) return;
    asked.current.add(want);
    const fetched: Promise<readonly string[]> =
      want === 'projects'
        ? listAllProjects(client).then((r) => r.items.map((p) => p.slug))
        : listAllNodes(client).then((r) => r.items.map((n) => nodeName(n)).filter((n): n is string => n !== undefined));
    fetched.then(
      (list) => mounted.current && setNames((prev) => ({...prev, [want]: [...new Set(list)].sort()})),
      () => mounted.current && setNames((prev) => ({...prev, [want]: []})),
    );
  }, [client, kind]);
  return names;
}
