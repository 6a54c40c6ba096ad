import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { DB } from '../store/database.js';
import { TOOLS, ToolInputError } from './tools.js';

export interface McpOptions {
  db: DB;
  /** Offer the tools that change the knowledge base (set when MINUTES_TOKEN is). */
  writable: boolean;
  /** Where diagnostics go: never standard output, which carries only protocol messages. */
  log?: (line: string) => void;
}

const VERSION = '0.1.0';

/** A result as JSON text: assistants read it as it is, and nothing is lost on the way. */
const jsonResult = (value: unknown): CallToolResult => ({ content: [{ type: 'text', text: JSON.stringify(value) }] });
const errorResult = (message: string): CallToolResult => ({
  content: [{ type: 'text', text: message }],
  isError: true,
});

/** The knowledge base as an MCP server: one tool per question, each a thin call of the store functions the API uses. */
export function createMcpServer({ db, writable, log = () => {} }: McpOptions): McpServer {
  const server = new McpServer(
    { name: 'minutes-kb', version: VERSION },
    {
      instructions:
        'A knowledge base of meeting minutes: decisions, action items (tracked across meetings), meetings and people. ' +
        'Cite records by their file:line (`at`) and meeting date.',
    },
  );
  for (const definition of TOOLS) {
    if (definition.writes && !writable) continue;
    server.registerTool(
      definition.name,
      {
        title: definition.title,
        description: definition.description,
        inputSchema: definition.input,
        annotations: { readOnlyHint: !definition.writes, openWorldHint: false },
      },
      async (args: unknown) => {
        try {
          return jsonResult(definition.run(db, args as never));
        } catch (error) {
          if (error instanceof ToolInputError) return errorResult(error.message);
          log(
            `minutes mcp: ${definition.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          return errorResult(`${definition.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    );
  }
  return server;
}
