// Types of scripts/package.mjs for the tests that drive the executable it builds.
/** Why this Node cannot make a single executable, or undefined when it can. */
export function seaUnsupported(node?: string): string | undefined;
/** `plexconsole-<platform>-<arch>`, the executable's file name in dist/. */
export function executableName(): string;
export function packageExecutable(opts?: {reuseBuild?: boolean; log?: (m: string) => void}): Promise<{path: string; sha256: string}>;
