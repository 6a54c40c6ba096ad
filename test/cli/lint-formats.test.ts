import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { escapeData, escapeProperty, formatProblem } from '../../src/cli/commands/lint.js';
import { ROOT, tempDir } from '../helpers.js';

// The built CLI, as the action runs it (`npm test` builds it first).
const BIN = join(ROOT, 'dist', 'cli', 'main.js');

function minutes(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Minutes with one problem of each kind the lint reports, each on a line found by its text. */
const NOTES = [
  '# Notes',
  '## Participants',
  '- @ann',
  '## Topic',
  '- AI @ann: fine',
  '- AI @zed: who is zed',
  '- TODO: nobody owns this',
];
const lineOf = (text: string) => NOTES.findIndex((l) => l.includes(text)) + 1;

let dir: string;
let remove: () => void;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  ({ dir, remove } = tempDir());
});
afterAll(() => remove());

describe('GitHub workflow command escaping', () => {
  it('escapes %, CR and LF in a message, and : and , too in a property', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext%3A a%2C b');
    // % first: an escape is not escaped again, and text that looks like one is.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('writes a problem as a ::warning annotation with file, line and title', () => {
    const problem = { file: 'team, 2024/notes:v2.md', line: 6, message: 'unknown owner "zed"\nsecond line 100%' };
    expect(formatProblem(problem, 'github')).toBe(
      '::warning file=team%2C 2024/notes%3Av2.md,line=6,title=minutes lint::unknown owner "zed"%0Asecond line 100%25',
    );
    // A problem of the whole file has no line.
    expect(formatProblem({ file: 'a.md', line: null, message: 'empty file' }, 'github')).toBe(
      '::warning file=a.md,title=minutes lint::empty file',
    );
    expect(formatProblem(problem, 'json')).toBe(JSON.stringify(problem));
    expect(formatProblem({ file: 'a.md', line: null, message: 'empty file' }, 'text')).toBe('a.md:1: empty file');
  });
});

describe('minutes lint --format', () => {
  it('github: one annotation per problem at its file and line, and exit 1', () => {
    const file = join(dir, 'notes.md');
    writeFileSync(file, NOTES.join('\n'));
    const { code, stdout } = minutes(['lint', '--format', 'github', file, '--db', join(dir, 'none.db')]);
    expect(code).toBe(1);
    const annotations = stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toContain(
      `::warning file=${escapeProperty(file)},line=${lineOf('@zed')},title=minutes lint::` +
        'unknown owner "zed": not a participant',
    );
    expect(annotations).toContain(
      `::warning file=${escapeProperty(file)},line=${lineOf('TODO')},title=minutes lint::action item has no owner`,
    );
    expect(annotations.every((l) => /^::warning file=[^,:]+(,line=\d+)?,title=minutes lint::/.test(l))).toBe(true);
    expect(stdout).not.toContain(`line=${lineOf('@ann: fine')},`);
  });

  it('json: one JSON problem per line, the same as --json, with nothing else printed', () => {
    const file = join(dir, 'notes.md');
    writeFileSync(file, NOTES.join('\n'));
    const asFormat = minutes(['lint', '--format', 'json', file, '--db', join(dir, 'none.db')]);
    const asFlag = minutes(['lint', '--json', file, '--db', join(dir, 'none.db')]);
    expect(asFormat.code).toBe(1);
    expect(asFlag.stdout).toBe(asFormat.stdout);
    const problems = asFormat.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(problems).toContainEqual({ file, line: lineOf('@zed'), message: 'unknown owner "zed": not a participant' });
    expect(problems.every((p) => Object.keys(p).sort().join() === 'file,line,message')).toBe(true);
  });

  it('refuses an unknown format, naming the choices', () => {
    const { code, stderr } = minutes(['lint', '--format', 'xml', join(ROOT, 'minutes')]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--format.*xml.*text, json, github/s);
  });
});

const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
type Step = { uses?: string; run?: string; id?: string; env?: Record<string, string>; with?: Record<string, string> };

describe('action.yml and .pre-commit-hooks.yaml', () => {
  it('action.yml is composite: sets up node, installs from its own path, lints with --format github', () => {
    expect(action).toMatchObject({
      name: expect.any(String),
      description: expect.any(String),
      runs: { using: 'composite' },
    });
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['files', 'base', 'fail-on-problems', 'node-version']),
    );
    const steps: Step[] = action.runs.steps;
    expect(steps[0]!.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(steps.find((s) => s.run?.includes('npm ci'))!.run).toMatch(
      /cd "\$GITHUB_ACTION_PATH" && npm ci .*&& npm run --silent build/,
    );
    const lint = steps.find((s) => s.id === 'lint')!;
    expect(lint.run).toContain('lint --format github');
    expect(lint.run).toContain('git diff');
    // A composite action's run steps must name their shell.
    expect(steps.filter((s) => s.run).every((s) => 'shell' in s)).toBe(true);
  });

  it('.pre-commit-hooks.yaml declares the minutes-lint hook for .md files', () => {
    const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    expect(hooks).toEqual([
      expect.objectContaining({
        id: 'minutes-lint',
        name: expect.any(String),
        entry: 'minutes lint',
        language: 'node',
        files: '\\.md$',
      }),
    ]);
    const files = new RegExp(hooks[0].files);
    const exclude = new RegExp(hooks[0].exclude.replace('(?i)', ''), 'i');
    const linted = (path: string) => files.test(path) && !exclude.test(path);
    expect(['iaas/20240110.md', 'notes.md'].filter(linted)).toEqual(['iaas/20240110.md', 'notes.md']);
    expect(['README.md', 'docs/readme.md', 'iaas/notes.txt'].filter(linted)).toEqual([]);
  });
});

/** Run the action's lint step as the runner would: bash, its env, in a checkout. */
function runLintStep(repo: string, env: Record<string, string>) {
  const step = (action.runs.steps as Step[]).find((s) => s.id === 'lint')!;
  const output = join(repo, '..', 'github-output');
  writeFileSync(output, '');
  const result = spawnSync('bash', ['-c', step.run!], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: output,
      FILES: '*.md',
      FAIL_ON_PROBLEMS: 'true',
      ...env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: readFileSync(output, 'utf8') };
}

describe.skipIf(spawnSync('git', ['--version']).status !== 0)(
  'the action lints only the changed minutes of a pull request',
  () => {
    it('annotates the changed .md files, not the others, and fails unless told not to', () => {
      const repo = join(dir, 'repo');
      mkdirSync(join(repo, 'team'), { recursive: true });
      const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' }).stdout.trim();
      git('init', '-q');
      git('config', 'user.email', 'test@example.com');
      git('config', 'user.name', 'test');
      writeFileSync(join(repo, 'team', 'old.md'), NOTES.join('\n')); // problems, but not changed by the pull request
      git('add', '.');
      git('commit', '-qm', 'base');
      const base = git('rev-parse', 'HEAD');
      writeFileSync(join(repo, 'team', 'new.md'), NOTES.join('\n'));
      writeFileSync(join(repo, 'team', 'notes.txt'), 'not minutes');
      git('add', '.');
      git('commit', '-qm', 'pull request');

      const failing = runLintStep(repo, { BASE: base });
      expect(failing.code).toBe(1);
      expect(failing.stdout).toContain(
        `::warning file=team/new.md,line=${lineOf('@zed')},title=minutes lint::unknown owner "zed"`,
      );
      expect(failing.stdout).not.toContain('old.md');
      expect(failing.stdout).not.toContain('notes.txt');
      const problems = Number(/problems=(\d+)/.exec(failing.output)![1]);
      expect(problems).toBe(failing.stdout.split('\n').filter((l) => l.startsWith('::warning ')).length);
      expect(problems).toBeGreaterThan(0);

      expect(runLintStep(repo, { BASE: base, FAIL_ON_PROBLEMS: 'false' }).code).toBe(0);
      const none = runLintStep(repo, { BASE: git('rev-parse', 'HEAD') });
      expect(none).toMatchObject({ code: 0, output: 'problems=0\n' });
      expect(runLintStep(repo, { BASE: '' })).toMatchObject({ code: 0, output: 'problems=0\n' });
    });
  },
);
