// The part of semantic versioning the gate needs: parse MAJOR.MINOR.PATCH[-pre][+build] and order two versions.

const pattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** The parsed version, or null when `text` is not a semantic version. */
export function parseVersion(text) {
  const match = typeof text === 'string' ? pattern.exec(text) : null;
  if (!match) return null;
  return { text, major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]), prerelease: match[4] ?? '' };
}

/** Negative, zero or positive as `a` is below, equal to or above `b` (a prerelease sorts before its release). */
export function compareVersions(a, b) {
  for (const part of ['major', 'minor', 'patch']) {
    if (a[part] !== b[part]) return a[part] - b[part];
  }
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}
