#!/usr/bin/env node
import cluster from 'node:cluster';
import { Command } from 'commander';
import { aiCommand, aisCommand, liveWindowCommand } from './commands/ais.js';
import { exportCommand } from './commands/export.js';
import { carryCommand, digestCommand, reportCommand } from './commands/reports.js';
import { importCommand } from './commands/import.js';
import { lintCommand } from './commands/lint.js';
import { mcpCommand } from './commands/mcp.js';
import { parseCommand } from './commands/parse.js';
import { peopleCommand } from './commands/people.js';
import { searchCommand } from './commands/search.js';
import { serveCommand, startCommand } from './commands/serve.js';
import { watchCommand } from './commands/watch.js';

// `minutes ais | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('minutes')
  .description(
    'A knowledge base of meeting minutes: import markdown minutes, list action items, search decisions, serve an API.',
  )
  .showHelpAfterError()
  .addCommand(importCommand())
  .addCommand(parseCommand())
  .addCommand(aisCommand())
  .addCommand(aiCommand())
  .addCommand(liveWindowCommand())
  .addCommand(carryCommand())
  .addCommand(digestCommand())
  .addCommand(reportCommand())
  .addCommand(searchCommand())
  .addCommand(exportCommand())
  .addCommand(peopleCommand())
  .addCommand(lintCommand())
  .addCommand(serveCommand())
  .addCommand(startCommand())
  .addCommand(mcpCommand())
  .addCommand(watchCommand());

try {
  await program.parseAsync();
} catch (error) {
  // Bad input (a malformed alias file, a locked database) gets a message, not a stack trace.
  process.stderr.write(`minutes: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
  if (cluster.isWorker) process.disconnect(); // a `serve --workers` process: the channel would keep it alive
}
