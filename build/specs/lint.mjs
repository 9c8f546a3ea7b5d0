// `npm run lint:specs`: lints every published spec (or the files given) with redocly.yaml's rules. Exit 0 only when
// there is no error and no warning: the ruleset extends `recommended-strict`, so every warning is an error.
import { relative, resolve } from 'node:path';
import { publishedSpecs, repoRoot } from './paths.mjs';
import { redocly } from './redocly.mjs';

const files = process.argv.length > 2
  ? process.argv.slice(2).map((file) => resolve(file))
  : publishedSpecs().map((spec) => relative(repoRoot, spec.file));
process.exit(redocly(['lint', ...files, '--format', 'stylish']));
