/**
 * A TEST SERVER — not a mock of any client. A real HTTP server on 127.0.0.1 (random port) that speaks
 * the wire formats the real providers speak: OpenAI Chat Completions (`POST /v1/chat/completions`),
 * OpenAI embeddings (`POST /v1/embeddings`) and Anthropic Messages (`POST /v1/messages`). The AI SDK
 * clients talk to it over real sockets, so retries, timeouts and resets are exercised end to end.
 *
 * Faults are queued with {@link WireServer.fault} and consumed one per request, in arrival order.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** What the next request gets instead of (or before) a normal answer. */
export type Fault =
  | { type: 'status'; status: number; retryAfter?: string; message?: string }
  | { type: 'timeout' }
  | { type: 'reset' }
  | { type: 'malformed' }
  | { type: 'truncated' }
  | { type: 'invalid'; object: unknown }
  | { type: 'slow'; ms: number };

/** A request as the server saw it. */
export interface WireRequest {
  api: 'openai' | 'anthropic' | 'embeddings';
  model: string;
  /** Arrival time, `performance.now()` ms. */
  at: number;
  /** Text of every message, in order (system first). */
  texts: string[];
  /** True when the client asked for structured (JSON) output. */
  structured: boolean;
  /** OpenAI `response_format.json_schema.name`, when sent. */
  schemaName: string | null;
  fault: Fault['type'] | null;
  /** Usage the server reported for this request (0 when it failed). */
  usage: { input: number; output: number };
  body: Record<string, unknown>;
}

/** What the server answers when there is no fault. */
export interface Answers {
  text: (request: WireRequest) => string;
  object: (request: WireRequest) => unknown;
}

/** Deterministic usage: ~1 token per 4 characters of prompt, plus 3 per message; output likewise. */
export function usageFor(texts: readonly string[], output: string): { input: number; output: number } {
  const input = texts.reduce((n, t) => n + Math.ceil(t.length / 4) + 3, 0);
  return { input, output: Math.ceil(output.length / 4) };
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : ''))
      .join('');
  }
  return '';
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** The running test server. */
export class WireServer {
  /** Every request received, in arrival order. */
  readonly requests: WireRequest[] = [];
  answers: Answers = defaultAnswers();
  /** Delay added to every answer (ms), e.g. to create contention. */
  latencyMs = 0;
  /** Extra delay chosen per request (ms), e.g. to make a later request finish first. */
  delayFor: (request: WireRequest) => number = () => 0;
  private readonly faults: Fault[] = [];
  private readonly open = new Set<ServerResponse>();
  private server: Server | null = null;
  private port = 0;

  /** Queues faults for the next requests (one each, in order). */
  fault(...faults: Fault[]): this {
    this.faults.push(...faults);
    return this;
  }

  /** Base URL for OpenAI-style clients, e.g. `http://127.0.0.1:40123/v1`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: String(error) } }));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Resets the request log and pending faults. */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
    this.latencyMs = 0;
    this.answers = defaultAnswers();
    this.delayFor = () => 0;
  }

  /** Sum of the usage the server reported. */
  totalUsage(): { input: number; output: number } {
    return this.requests.reduce((s, r) => ({ input: s.input + r.usage.input, output: s.output + r.usage.output }), {
      input: 0,
      output: 0,
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const body = await readBody(req);
    const path = (req.url ?? '').replace(/\?.*$/, '');
    const api = path.endsWith('/chat/completions')
      ? 'openai'
      : path.endsWith('/messages')
        ? 'anthropic'
        : path.endsWith('/embeddings')
          ? 'embeddings'
          : null;
    if (!api) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `no route ${path}` } }));
      return;
    }
    const request = this.describe(api, body, at);
    this.requests.push(request);
    const fault = this.faults.shift();
    request.fault = fault?.type ?? null;
    this.open.add(res);
    res.on('close', () => this.open.delete(res));

    if (fault?.type === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.type === 'timeout') return; // never answer; the client must give up
    if (fault?.type === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      res.writeHead(fault.status, headers);
      const message = fault.message ?? `injected ${fault.status}`;
      res.end(
        JSON.stringify(
          api === 'anthropic'
            ? { type: 'error', error: { type: 'api_error', message } }
            : { error: { message, type: 'server_error', code: null } },
        ),
      );
      return;
    }
    const delay = this.latencyMs + this.delayFor(request) + (fault?.type === 'slow' ? fault.ms : 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (res.destroyed) return;
    if (fault?.type === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-x", "choices": [ {"message": ');
      return;
    }
    this.answer(request, res, fault);
  }

  private describe(api: WireRequest['api'], body: Record<string, unknown>, at: number): WireRequest {
    const texts: string[] = [];
    if (api === 'embeddings') {
      const input = body.input;
      for (const t of Array.isArray(input) ? input : [input]) texts.push(String(t));
    } else {
      if (api === 'anthropic' && body.system !== undefined) texts.push(textOf(body.system));
      for (const m of (body.messages as { content: unknown }[] | undefined) ?? []) texts.push(textOf(m.content));
    }
    const format = body.response_format as { type?: string; json_schema?: { name?: string } } | undefined;
    const tools = (body.tools as { name?: string }[] | undefined) ?? [];
    const structured =
      format?.type === 'json_schema' ||
      format?.type === 'json_object' ||
      tools.some((t) => t.name === 'json') ||
      (body.output_config as { format?: unknown } | undefined)?.format !== undefined;
    return {
      api,
      model: String(body.model ?? ''),
      at,
      texts,
      structured,
      schemaName: format?.json_schema?.name ?? null,
      fault: null,
      usage: { input: 0, output: 0 },
      body,
    };
  }

  private answer(request: WireRequest, res: ServerResponse, fault: Fault | undefined): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    if (request.api === 'embeddings') {
      const data = request.texts.map((t, index) => ({ object: 'embedding', index, embedding: embeddingOf(t) }));
      request.usage = { input: request.texts.reduce((n, t) => n + Math.ceil(t.length / 4), 0), output: 0 };
      res.end(
        JSON.stringify({
          object: 'list',
          data,
          model: request.model,
          usage: { prompt_tokens: request.usage.input, total_tokens: request.usage.input },
        }),
      );
      return;
    }
    let content: string;
    let finish = 'stop';
    if (request.structured) {
      const object = fault?.type === 'invalid' ? fault.object : this.answers.object(request);
      content = JSON.stringify(object);
      if (fault?.type === 'truncated') {
        content = content.slice(0, Math.max(1, Math.floor(content.length / 2)));
        finish = 'length';
      }
    } else {
      content = this.answers.text(request);
    }
    request.usage = usageFor(request.texts, content);
    const { input, output } = request.usage;
    if (request.api === 'openai') {
      res.end(
        JSON.stringify({
          id: `chatcmpl-${this.requests.length}`,
          object: 'chat.completion',
          created: 1_700_000_000,
          model: request.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finish }],
          usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
        }),
      );
      return;
    }
    const useTool = ((request.body.tools as { name?: string }[] | undefined) ?? []).some((t) => t.name === 'json');
    // Anthropic's JSON-tool mode answers with a tool call; a cut-off answer can only be text.
    const block: Record<string, unknown> =
      request.structured && useTool && finish === 'stop'
        ? { type: 'tool_use', id: 'toolu_1', name: 'json', input: JSON.parse(content) }
        : { type: 'text', text: content };
    res.end(
      JSON.stringify({
        id: `msg_${this.requests.length}`,
        type: 'message',
        role: 'assistant',
        model: request.model,
        content: [block],
        stop_reason: finish === 'length' ? 'max_tokens' : block.type === 'tool_use' ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: input, output_tokens: output },
      }),
    );
  }
}

function defaultAnswers(): Answers {
  return { text: (r) => `echo: ${r.texts.at(-1) ?? ''}`, object: () => ({}) };
}

/** A tiny deterministic embedding so tests can compare vectors. */
function embeddingOf(text: string): number[] {
  const v = [0, 0, 0, 0];
  for (let i = 0; i < text.length; i++) v[i % 4] = (v[i % 4] as number) + text.charCodeAt(i) / 1000;
  return v;
}

/** Starts a test server; stop it with `await server.stop()`. */
export function startWireServer(): Promise<WireServer> {
  return new WireServer().start();
}
