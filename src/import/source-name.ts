import { seriesOfPath } from './series.js';

/**
 * Check a source name sent over the API (`product-board/20240715.md`): a relative
 * path of plain segments ending in `.md`. Returns the reason it is refused, or null.
 */
export function sourceNameProblem(source: string): string | null {
  if (source.length > 255) return 'source is longer than 255 characters';
  if (/[\u0000-\u001f\u007f\\]/.test(source)) return 'source contains control characters or backslashes';
  if (source.startsWith('/') || /^[a-z]:/i.test(source))
    return 'source must be a relative path such as "team/20240715.md"';
  const segments = source.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..'))
    return 'source must not contain empty, "." or ".." segments';
  if (!/\.md$/i.test(source)) return 'source must end in ".md"';
  return null;
}

/** The series a source name sent over the API implies, by the same rule as an import (series.ts). */
export function seriesOfSource(source: string): string | null {
  return seriesOfPath(source);
}
