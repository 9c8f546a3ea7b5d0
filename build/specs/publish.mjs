// `npm run publish:specs`: what other teams get, per spec, in artifacts/specs/ (or the folder given as the only
// argument): the bundled spec as YAML and as JSON, and a self-contained HTML reference page (Redoc's scripts inlined,
// so it works offline). Lints first: a spec that fails the ruleset is not published.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { artifactsDir, publishedSpecs, repoRoot } from './paths.mjs';
import { redocly } from './redocly.mjs';
import { externalLoads } from './html-offline.mjs';

const outputDir = process.argv[2] ? resolve(process.argv[2]) : artifactsDir;
const specs = publishedSpecs();
const specPaths = specs.map((spec) => relative(repoRoot, spec.file));

if (redocly(['lint', ...specPaths, '--format', 'summary']) !== 0) {
  console.error('publish:specs: lint failed (run `npm run lint:specs` for the details); nothing published.');
  process.exit(1);
}

// artifacts/specs/ is ours to clear (no stale pages of a removed spec); a folder given by hand must be new or empty.
if (outputDir === artifactsDir) {
  rmSync(outputDir, { recursive: true, force: true });
} else if (existsSync(outputDir) && readdirSync(outputDir).length > 0) {
  console.error(`publish:specs: ${outputDir} is not empty; give a new or empty folder.`);
  process.exit(2);
}
mkdirSync(outputDir, { recursive: true });

for (const spec of specs) {
  const source = relative(repoRoot, spec.file);
  const out = (ext) => join(outputDir, `${spec.name}.${ext}`);
  const steps = [
    ['bundle', source, '--output', out('yaml'), '--ext', 'yaml'],
    ['bundle', source, '--output', out('json'), '--ext', 'json'],
    ['build-docs', source, '--output', out('html'), '--inlineBundle', '--title', `${spec.name} API reference`],
  ];
  for (const step of steps) {
    if (redocly(step) !== 0) {
      console.error(`publish:specs: 'redocly ${step.join(' ')}' failed for ${source}.`);
      process.exit(1);
    }
  }
  const loads = externalLoads(readFileSync(out('html'), 'utf8'));
  if (loads.length > 0) {
    console.error(`publish:specs: ${relative(repoRoot, out('html'))} loads from the network: ${loads.join(', ')}`);
    process.exit(1);
  }
}

console.log(`publish:specs: ${specs.length} specs -> ${outputDir} (<name>.yaml, <name>.json, <name>.html)`);
