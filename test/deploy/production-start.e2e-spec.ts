import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { KNOWN_CJK_FONTS } from '@app/settlement/document/cjk-font';
import { loadConfig } from '../../apps/api/src/config/app-config';

/**
 * The documented production start (Dockerfile, docker-compose.yml, deploy/nginx.conf), read as files:
 * no Docker engine or nginx is needed to run these checks (the image is built elsewhere).
 */
const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/**
 * Where Debian (bookworm, the image's base) puts the font file of each CJK font package
 * (`dpkg -L <package>`). A package added to the image must be added here with its path.
 */
const DEBIAN_FONT_FILES: Readonly<Record<string, string>> = {
  'fonts-wqy-microhei': '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  'fonts-wqy-zenhei': '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  'fonts-noto-cjk': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
};

/** The packages `apt-get install` installs in the Dockerfile's last stage (the runtime image). */
function runtimePackages(dockerfile: string): string[] {
  const joined = dockerfile.replace(/\\\n/g, ' ');
  const stages = joined.split(/^FROM\s/m);
  const runtime = stages[stages.length - 1];
  const packages: string[] = [];
  for (const line of runtime.split('\n').filter((l) => /^RUN\s/.test(l))) {
    for (const command of line.split(/&&|;/)) {
      const m = /apt-get\s+install\s+(.*)$/.exec(command.trim());
      if (m) packages.push(...m[1].split(/\s+/).filter((w) => w !== '' && !w.startsWith('-')));
    }
  }
  return packages;
}

/** nginx configuration without comments. */
function nginxConfig(): string {
  return read('deploy/nginx.conf').replace(/#[^\n]*/g, '');
}

/** The body of the first `<name> <arg> {…}` block (no nested braces inside the blocks read here). */
function block(config: string, header: RegExp): string {
  const m = header.exec(config);
  if (!m) throw new Error(`no block ${header}`);
  const start = m.index + m[0].length;
  let depth = 1;
  for (let i = start; i < config.length; i++) {
    if (config[i] === '{') depth++;
    if (config[i] === '}' && --depth === 0) return config.slice(start, i);
  }
  throw new Error(`unclosed block ${header}`);
}

const directives = (body: string) =>
  body
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter((d) => d !== '');

type Service = { build?: unknown; image?: string; ports?: unknown[]; expose?: unknown[]; environment?: Record<string, string>; volumes?: string[]; depends_on?: Record<string, unknown> };

/** docker-compose.yml with YAML merge keys (`<<: *api`) resolved. */
function composeServices(): Record<string, Service> {
  const doc = load(read('docker-compose.yml')) as { services: Record<string, Record<string, unknown>> };
  const merged: Record<string, Service> = {};
  for (const [name, raw] of Object.entries(doc.services)) {
    const { '<<': base, ...own } = raw;
    merged[name] = { ...((base as Record<string, unknown> | undefined) ?? {}), ...own } as Service;
  }
  return merged;
}

describe('the production image prints the 成交确认书', () => {
  const installed = runtimePackages(read('Dockerfile'));
  const fontPackages = installed.filter((p) => p.startsWith('fonts-'));
  const searched = KNOWN_CJK_FONTS.map((f) => f.path);

  it('the runtime image installs a CJK font package whose file the PDF code searches', () => {
    expect(fontPackages.length).toBeGreaterThan(0);
    for (const pkg of fontPackages) {
      const file = DEBIAN_FONT_FILES[pkg];
      expect({ pkg, known: file !== undefined }).toEqual({ pkg, known: true });
      expect({ pkg, searched: searched.includes(file) }).toEqual({ pkg, searched: true });
      expect(KNOWN_CJK_FONTS.find((f) => f.path === file)?.debianPackage).toBe(pkg);
    }
  });

  it('scripts/install-system-deps.sh installs the same font package as the image and looks in the same places as the PDF code', () => {
    const script = read('scripts/install-system-deps.sh');
    const scriptPackage = /^FONT_PACKAGE="([^"]+)"/m.exec(script)?.[1];
    expect(fontPackages).toEqual([scriptPackage]);
    const list = /^KNOWN_FONT_PATHS=\(([^)]*)\)/m.exec(script)?.[1] ?? '';
    const scriptPaths = list.split(/\s+/).filter((p) => p !== '');
    expect(scriptPaths).toEqual(searched);
  });
});

describe('the production start has one front door', () => {
  const services = composeServices();
  const apis = Object.entries(services).filter(([, s]) => s.build !== undefined);
  const config = nginxConfig();
  const upstream = block(config, /upstream\s+api\s*\{/);

  it('two API instances, neither publishing a port: only nginx is published, with deploy/nginx.conf', () => {
    expect(apis.map(([name]) => name).sort()).toEqual(['api-1', 'api-2']);
    const published = Object.entries(services).filter(([, s]) => (s.ports ?? []).length > 0).map(([name]) => name);
    expect(published).toEqual(['nginx']);
    expect(services.nginx.image).toMatch(/^nginx:/);
    expect(services.nginx.volumes).toContain('./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(Object.keys(services.nginx.depends_on ?? {}).sort()).toEqual(['api-1', 'api-2']);
  });

  it('nginx balances over exactly the API services of the compose file, sticky by client address', () => {
    const servers = directives(upstream)
      .filter((d) => d.startsWith('server '))
      .map((d) => d.split(' ')[1]);
    expect(servers.sort()).toEqual(apis.map(([name, s]) => `${name}:${s.environment?.PORT ?? '3000'}`).sort());
    expect(directives(upstream)).toEqual(expect.arrayContaining([expect.stringMatching(/^(ip_hash|hash \$remote_addr consistent)$/)]));
  });

  it('the socket.io location upgrades WebSockets and keeps a live room open; every location passes the client address', () => {
    const io = directives(block(config, /location\s+\/socket\.io\/\s*\{/));
    expect(io).toEqual(
      expect.arrayContaining(['proxy_pass http://api', 'proxy_http_version 1.1', 'proxy_set_header Upgrade $http_upgrade', 'proxy_set_header Connection $connection_upgrade']),
    );
    expect(directives(block(config, /map\s+\$http_upgrade\s+\$connection_upgrade\s*\{/))).toEqual(['default upgrade', "'' close"]);
    const readTimeout = io.find((d) => d.startsWith('proxy_read_timeout '));
    expect(Number(/(\d+)s$/.exec(readTimeout ?? '')?.[1])).toBeGreaterThanOrEqual(60);
    for (const location of [/location\s+\/socket\.io\/\s*\{/, /location\s+\/\s*\{/]) {
      expect(directives(block(config, location))).toEqual(expect.arrayContaining(['proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for']));
    }
  });

  it('the API instances trust exactly one proxy hop, share broadcasts through Redis and share the uploaded documents', () => {
    for (const [name, s] of apis) {
      expect({ name, trustProxy: s.environment?.TRUST_PROXY, redis: Boolean(s.environment?.REDIS_URL) }).toEqual({ name, trustProxy: '1', redis: true });
      expect({ name, volumes: s.volumes }).toEqual({ name, volumes: ['appdata:/app/.data'] });
    }
  });

  it('lets through every body the API accepts on an upload route, so the API answers a too-large one itself', () => {
    const size = /^client_max_body_size (\d+)([kmg]?)$/i.exec(directives(block(config, /server\s*\{/)).find((d) => d.startsWith('client_max_body_size')) ?? '');
    expect(size).not.toBeNull();
    const bytes = Number(size![1]) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as Record<string, number>)[size![2]!.toLowerCase()]!;
    const api = loadConfig({ ...process.env, DATABASE_URL: undefined, JWT_SECRET: undefined, UPLOAD_BODY_LIMIT_KB: undefined });
    expect(bytes).toBeGreaterThanOrEqual(api.uploadBodyLimitBytes);
  });

  it('README documents the front door and the choice of stickiness', () => {
    const scaling = read('README.md').split('## Scaling out')[1] ?? '';
    expect(scaling).toMatch(/nginx/);
    expect(scaling).toMatch(/hash \$remote_addr consistent/);
    expect(scaling).toMatch(/transports: \["websocket"\]/);
  });
});
