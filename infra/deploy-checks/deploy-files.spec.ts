// The deploy files cannot be run on the development machines (no container runtime, no cluster),
// so they are checked offline for what an operator relies on: non-root, health checks wired to the
// real endpoints, graceful termination, two replicas that cannot both be evicted, shared state.
// `kubectl kustomize` renders the overlay too when kubectl is installed (docs/operations.md).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- manifests are free-form YAML
type Manifest = Record<string, any>;

function baseManifests(): Manifest[] {
  const dir = 'infra/k8s/base';
  return readdirSync(path.join(root, dir))
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .flatMap((file) => parseAllDocuments(read(`${dir}/${file}`)).map((doc) => doc.toJS() as Manifest));
}

const byKind = (manifests: Manifest[], kind: string): Manifest => {
  const found = manifests.find((m) => m['kind'] === kind);
  if (!found) throw new Error(`no ${kind} in infra/k8s/base`);
  return found;
};

describe('the production image (infra/docker/Dockerfile)', () => {
  const dockerfile = read('infra/docker/Dockerfile');
  const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+ /.test(line));

  it('builds in stages and ships only production dependencies', () => {
    expect(instructions.filter((line) => line.startsWith('FROM ')).length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    // The last stage copies no sources: only node_modules, package.json and dist.
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    for (const copy of runtime.split('\n').filter((line) => line.startsWith('COPY '))) {
      expect(copy).toMatch(/\/src\/(node_modules|package\.json|dist) /);
    }
  });

  it('runs as a non-root user, checks readiness and stops on SIGTERM', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/health\/ready/m);
    expect(runtime).toMatch(/^STOPSIGNAL SIGTERM$/m);
    expect(runtime).toMatch(/dist\/api\/apps\/api\/src\/main\.js/);
  });

  it('starts the file the API build writes', () => {
    expect(read('infra/scripts/build-api.mjs')).toContain("'dist/api'");
    expect(read('infra/scripts/start.mjs')).toContain('dist/api/apps/api/src/main.js');
  });
});

describe('the compose fleet (infra/compose)', () => {
  const compose = parse(read('infra/compose/compose.yaml'), { merge: true }) as Manifest;
  const services = compose['services'] as Record<string, Manifest>;

  it('has the database, Redis, an object store, a mail catcher, two replicas and a proxy', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['db', 'redis', 'minio', 'mailpit', 'api-1', 'api-2', 'proxy']));
    expect(services['db']!['image']).toMatch(/postgis/);
  });

  it('gives both replicas the same database, Redis, secret and photo bucket', () => {
    const [one, two] = [services['api-1']!, services['api-2']!];
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'APP_SECRET', 'STORAGE_URL', 'PUBLIC_URL', 'TRUST_PROXY']) {
      expect(one['environment'][name]).toBeDefined();
      expect(two['environment'][name]).toBe(one['environment'][name]);
    }
    expect(one['environment']['APP_SECRET']).toMatch(/:\?/); // compose refuses to start without it
    expect(one['environment']['STORAGE_URL']).toMatch(/^s3:\/\/plaza-photos\/.*endpoint=http:\/\/minio:9000/);
    expect(one['healthcheck']['test'].join(' ')).toContain('/health/ready');
  });

  it('puts a proxy in front that balances both replicas, compresses, caches hashed assets and hides /metrics', () => {
    const nginx = read('infra/compose/nginx.conf');
    expect(nginx).toMatch(/server api-1:3000/);
    expect(nginx).toMatch(/server api-2:3000/);
    expect(nginx).toMatch(/^\s*gzip on;/m);
    expect(nginx).toMatch(/location \/assets\/ \{[^}]*proxy_cache plaza_static/);
    expect(nginx).toMatch(/location = \/metrics \{ return 404; \}/);
    expect(services['proxy']!['volumes'][0]).toContain('./nginx.conf');
  });
});

describe('Kubernetes (infra/k8s)', () => {
  const manifests = baseManifests();

  it('runs at least two non-root replicas with probes on the real health endpoints', () => {
    const deployment = byKind(manifests, 'Deployment');
    const pod = deployment['spec']['template']['spec'];
    const container = pod['containers'][0];
    expect(deployment['spec']['replicas']).toBeGreaterThanOrEqual(2);
    expect(deployment['spec']['strategy']['rollingUpdate']['maxUnavailable']).toBe(0);
    expect(pod['securityContext']['runAsNonRoot']).toBe(true);
    expect(container['securityContext']['allowPrivilegeEscalation']).toBe(false);
    expect(container['readinessProbe']['httpGet']['path']).toBe('/health/ready');
    expect(container['livenessProbe']['httpGet']['path']).toBe('/health/live');
    expect(container['envFrom'].map((source: Manifest) => source['configMapRef']?.name ?? source['secretRef']?.name)).toEqual([
      'plaza-config',
      'plaza-secrets',
    ]);
  });

  it('terminates gracefully: the pre-stop pause and the shutdown fit in the grace period', () => {
    const pod = byKind(manifests, 'Deployment')['spec']['template']['spec'];
    const preStop = pod['containers'][0]['lifecycle']['preStop']['sleep']['seconds'];
    // The API's own shutdown waits for in-flight requests: leave it 30 s after the pause.
    expect(pod['terminationGracePeriodSeconds']).toBeGreaterThanOrEqual(preStop + 30);
  });

  it('never scales or is evicted below two, then one, replicas', () => {
    expect(byKind(manifests, 'HorizontalPodAutoscaler')['spec']['minReplicas']).toBeGreaterThanOrEqual(2);
    expect(byKind(manifests, 'PodDisruptionBudget')['spec']['minAvailable']).toBe(1);
  });

  it('keeps every setting the ConfigMap names a real setting of the API', () => {
    const loadConfig = read('libs/api/config/src/load-config.ts') + readdirSync(path.join(root, 'libs/api/config/src'))
      .filter((file) => file.endsWith('-config.ts'))
      .map((file) => read(`libs/api/config/src/${file}`))
      .join('\n');
    for (const name of Object.keys(byKind(manifests, 'ConfigMap')['data'])) {
      if (name === 'NODE_ENV') continue;
      expect({ name, known: loadConfig.includes(`'${name}'`) }).toEqual({ name, known: true });
    }
  });

  const kubectl = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((candidate) => existsSync(candidate));
  (kubectl ? it : it.skip)('renders the example overlay with kubectl kustomize', () => {
    const rendered = execFileSync(kubectl!, ['kustomize', path.join(root, 'infra/k8s/overlays/example')], { encoding: 'utf8' });
    const kinds = parseAllDocuments(rendered).map((doc) => (doc.toJS() as Manifest)['kind']);
    expect(kinds.sort()).toEqual(
      ['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'Namespace', 'PodDisruptionBudget', 'Secret', 'Service'].sort(),
    );
    expect(rendered).toContain('image: registry.example.org/plaza:1.0.0');
  });
});
