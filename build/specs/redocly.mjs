// Runs the pinned Redocly CLI with our ruleset and without telemetry (the CLI otherwise phones home on every run).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { redoclyCli, redoclyConfig, repoRoot } from './paths.mjs';

/** Runs `redocly <args> --config redocly.yaml`; returns the exit code. Output goes to this process's console. */
export function redocly(args) {
  if (!existsSync(redoclyCli)) {
    console.error(`The Redocly CLI is missing at ${redoclyCli}. Run 'npm ci' in ${repoRoot} (package.json pins @redocly/cli).`);
    return 2;
  }
  const result = spawnSync(process.execPath, [redoclyCli, ...args, '--config', redoclyConfig], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (result.error) {
    console.error(`Could not run the Redocly CLI: ${result.error.message}`);
    return 2;
  }
  return result.status ?? 2;
}
