import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A real git server for the team-sync tests (issue 11): Debian's `git http-backend`, run as CGI for
 * each request behind a small Node HTTP server on 127.0.0.1 that asks for a token (HTTP Basic, the
 * token as the password, any user name, as GitHub, GitLab and Gitea take a personal access token). No
 * mock of git or of its protocol: what the extension pushes is what `git` itself then reads.
 */

/** What a test may do to the next matching request, to see how the client takes it. */
export type Fault = 'drop' | 'status-500' | 'hold';

export interface GitServer {
  /** `http://127.0.0.1:PORT/{name}.git` */
  url(name: string): string;
  /** The bare repositories' folder. */
  root: string;
  /** The requests served, as `METHOD path?query`, for tests that count what was fetched. */
  requests: string[];
  /**
   * Makes the next request whose `METHOD path?query` matches `pattern` fail as `fault`; the promise
   * settles once such a request has come (a test may then act on the failure it is in the middle of).
   */
  failNext(pattern: RegExp, fault: Fault): Promise<void>;
  /** Runs `git` in a bare repository, e.g. `git('team', 'show', 'weekly-clipper:clips/…')`. */
  git(name: string, ...args: string[]): Promise<string>;
  close(): Promise<void>;
}

/** Reads the CGI response's header block off `git http-backend`'s output. */
function splitCgi(output: Buffer): { status: number; headers: [string, string][]; body: Buffer } {
  let end = output.indexOf('\r\n\r\n');
  let gap = 4;
  if (end === -1) {
    end = output.indexOf('\n\n');
    gap = 2;
  }
  const head = output.subarray(0, end).toString('latin1');
  const headers: [string, string][] = [];
  let status = 200;
  for (const line of head.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at === -1) continue;
    const name = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
    else headers.push([name, value]);
  }
  return { status, headers, body: output.subarray(end + gap) };
}

function authorized(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) === token;
}

/** Starts the server; `token` is the one access token it takes. */
export async function startGitServer(token: string): Promise<GitServer> {
  const root = await mkdtemp(join(tmpdir(), 'weekly-clipper-git-'));
  const requests: string[] = [];
  const faults: { pattern: RegExp; fault: Fault; met(): void }[] = [];

  function serve(request: IncomingMessage, response: ServerResponse): void {
    const target = new URL(request.url ?? '/', 'http://127.0.0.1');
    const line = `${request.method} ${target.pathname}${target.search}`;
    requests.push(line);
    if (!authorized(request, token)) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="weekly-clipper-test"' });
      response.end('token required\n');
      return;
    }
    const faultAt = faults.findIndex(({ pattern }) => pattern.test(line));
    const armed = faultAt === -1 ? undefined : faults.splice(faultAt, 1)[0];
    armed?.met();
    const fault = armed?.fault;
    if (fault === 'status-500') {
      request.resume();
      response.writeHead(500).end('injected failure\n');
      return;
    }
    if (fault === 'hold') {
      // Never answered, as a server that stalls: what is left is for the client to give up on (a cancel).
      request.resume();
      return;
    }
    if (fault === 'drop') {
      // The request is read in full, an answer begins, and the connection goes away: no git ever sees
      // it, so nothing is stored, and a browser cannot take it for a stale connection and resend it.
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'Content-Type': 'application/x-git-receive-pack-result' });
        // Cut once the answer's first bytes are on the wire: a connection reset before any answer is
        // one a browser retries by itself, and the push would then go through.
        response.write('00', () => setTimeout(() => request.socket.destroy(), 50));
      });
      return;
    }
    const backend = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: request.method ?? 'GET',
        PATH_INFO: decodeURIComponent(target.pathname),
        QUERY_STRING: target.search.slice(1),
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        ...(request.headers['content-encoding'] && {
          HTTP_CONTENT_ENCODING: request.headers['content-encoding'],
        }),
        ...(request.headers['git-protocol'] && { GIT_PROTOCOL: String(request.headers['git-protocol']) }),
        REMOTE_USER: 'member',
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    request.pipe(backend.stdin);
    const chunks: Buffer[] = [];
    backend.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    backend.on('close', () => {
      const { status, headers, body } = splitCgi(Buffer.concat(chunks));
      response.writeHead(status, headers);
      response.end(body);
    });
  }

  const server: Server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    root,
    requests,
    url: (name) => `http://127.0.0.1:${port}/${name}.git`,
    failNext(pattern, fault) {
      return new Promise<void>((met) => faults.push({ pattern, fault, met }));
    },
    async git(name, ...args) {
      const { stdout } = await run('git', [
        '-c',
        'core.quotePath=false',
        '-C',
        join(root, `${name}.git`),
        ...args,
      ]);
      return stdout;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * A bare repository shaped like a Zenn team's: a `main` branch with an `articles/` folder holding
 * earlier issues, pushable over HTTP (`http.receivepack`).
 */
export async function createTeamRepository(server: GitServer, name: string): Promise<void> {
  const bare = join(server.root, `${name}.git`);
  const work = await mkdtemp(join(tmpdir(), 'weekly-clipper-work-'));
  const git = (cwd: string, ...args: string[]) => run('git', ['-C', cwd, ...args]);
  await run('git', ['init', '--quiet', '--bare', '--initial-branch=main', bare]);
  await git(bare, 'config', 'http.receivepack', 'true');
  await run('git', ['init', '--quiet', '--initial-branch=main', work]);
  await git(work, 'config', 'user.name', 'Neco');
  await git(work, 'config', 'user.email', 'neco@example.com');
  await run('mkdir', ['-p', join(work, 'articles')]);
  await run('sh', [
    '-c',
    `printf -- '---\\ntitle: "Neco Weekly (2023-09-08号)"\\n---\\n\\n# 第40回\\n' > '${join(work, 'articles', 'neco-weekly-2023-09-08.md')}'`,
  ]);
  await git(work, 'add', '.');
  await git(work, 'commit', '--quiet', '-m', 'Neco Weekly 第40回');
  await git(work, 'push', '--quiet', bare, 'main');
  await rm(work, { recursive: true, force: true });
}
