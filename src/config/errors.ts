/** A configuration problem the headless verbs turn into an exit code: 2 bad input, 3 credentials. */
export class ConfigError extends Error {
  readonly exitCode: 2 | 3;

  constructor(exitCode: 2 | 3, message: string) {
    super(message);
    this.name = 'ConfigError';
    this.exitCode = exitCode;
  }
}

/** True when `e` is a ConfigError. */
export function isConfigError(e: unknown): e is ConfigError {
  return e instanceof ConfigError;
}
