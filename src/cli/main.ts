#!/usr/bin/env node
import { Command } from 'commander';
import { aisCommand } from './commands/ais.js';
import { importCommand } from './commands/import.js';
import { lintCommand } from './commands/lint.js';
import { parseCommand } from './commands/parse.js';
import { peopleCommand } from './commands/people.js';
import { searchCommand } from './commands/search.js';
import { serveCommand, startCommand } from './commands/serve.js';

const program = new Command('minutes')
  .description('A knowledge base of meeting minutes: import markdown minutes, list action items, search decisions, serve an API.')
  .showHelpAfterError()
  .addCommand(importCommand())
  .addCommand(parseCommand())
  .addCommand(aisCommand())
  .addCommand(searchCommand())
  .addCommand(peopleCommand())
  .addCommand(lintCommand())
  .addCommand(serveCommand())
  .addCommand(startCommand());

await program.parseAsync();
