/**
 * The contract's bootstrap-token plaintext (BootstrapTokenIssueResponse.token):
 * `psb_<env>_<projectId>_<kind>_<random>`. Only a string of exactly this shape may be
 * copied: the modal shows the sanitised text, so copying anything else would put bytes
 * on the clipboard (CR/LF, escape sequences) the operator never saw — paste-jacking.
 */
export const PLAINTEXT_PATTERN = /^psb_[a-z]+_[a-z2-7]+_(node|bridge)_[a-z2-7]{20,}$/;

/** Why `text` is not a plaintext the console will copy, or undefined when it is one. */
export function plaintextProblem(text: string): string | undefined {
  if (PLAINTEXT_PATTERN.test(text)) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(text)) {
    return 'it contains control, escape or invisible characters';
  }
  return 'it does not have the form psb_<env>_<project>_<kind>_<random>';
}
