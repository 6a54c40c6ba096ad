import { Command } from 'commander';
import { openStore } from '../open-store.js';
import { printJson, println } from '../output.js';
import { dbOption, jsonOption } from '../options.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `minutes mcp`: the Model Context Protocol over stdio, for an assistant (Claude Desktop, an IDE) to ask
 * the knowledge base. Standard output carries protocol messages only; everything else goes to stderr.
 */
export function mcpCommand(): Command {
  return new Command('mcp')
    .description(
      'serve the knowledge base to an AI assistant over the Model Context Protocol (stdio); read-only unless MINUTES_TOKEN is set',
    )
    .option('--tools', 'list the tools an assistant gets, then exit')
    .addOption(dbOption())
    .addOption(jsonOption('with --tools: print the tools as JSON'))
    .action(async (options: { db?: string; tools?: boolean; json?: boolean }) => {
      const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
      const { createMcpServer } = await import('../../mcp/server.js');
      const { TOOLS } = await import('../../mcp/tools.js');
      const writable = Boolean(process.env.MINUTES_TOKEN);
      if (options.tools) {
        const tools = TOOLS.filter((t) => writable || !t.writes).map((t) => ({
          name: t.name,
          description: t.description,
        }));
        if (options.json) return printJson(tools);
        for (const t of tools) println(`${t.name}\n    ${t.description}`);
        return;
      }
      const { db, path } = openStore(options, true);
      const server = createMcpServer({ db, writable, log });
      const transport = new StdioServerTransport();
      // The session ends when the client closes our stdin (or the transport fails): close the database cleanly.
      const ended = new Promise<void>((resolve) => {
        process.stdin.once('end', resolve);
        process.stdin.once('close', resolve);
        transport.onclose = resolve;
      });
      await server.connect(transport);
      log(
        `minutes mcp: serving ${path} over stdio (${writable ? 'writes allowed: MINUTES_TOKEN is set' : 'read-only'})`,
      );
      await ended;
      await server.close();
      db.close();
    });
}
