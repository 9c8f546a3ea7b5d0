// Where the published specs, their baselines and the pinned npm tools live; shared by the spec scripts.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const specsDir = join(repoRoot, 'specs');
export const baselineDir = join(specsDir, 'baseline');
export const artifactsDir = join(repoRoot, 'artifacts', 'specs');
export const redoclyConfig = join(repoRoot, 'redocly.yaml');
export const redoclyCli = join(repoRoot, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

/** The published specs: every `specs/*.yaml` at the top level (baselines and samples live in subfolders). */
export function publishedSpecs() {
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => ({ name: entry.name.replace(/\.yaml$/, ''), file: join(specsDir, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
