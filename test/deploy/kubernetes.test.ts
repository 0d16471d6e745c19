import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVE_ENV_FLAGS } from '../../src/cli/commands/serve.ts';
import { envName } from '../../src/cli/env-flags.ts';
import { ADMIN_PREFIX } from '../../mock-server/core/routes.ts';
import { parseProfile } from '../../mock-server/profile/index.ts';

// The manifests must speak the image's language: its port, its health path,
// its user and the POKEBENCH_* variables `serve` reads.
const DIR = new URL('../../deploy/kubernetes/', import.meta.url);
const text = (name: string) => readFile(new URL(name, DIR), 'utf8');
const dockerfile = await readFile(new URL('../../Dockerfile', import.meta.url), 'utf8');

type Env = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
type Container = {
  name: string;
  image: string;
  ports?: { name: string; containerPort: number }[];
  env: Env[];
  args?: string[];
  readinessProbe?: { httpGet: { path: string; port: string } };
  livenessProbe?: { httpGet: { path: string; port: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: { name: string; mountPath: string }[];
};
type PodSpec = { securityContext?: { runAsUser?: number; runAsNonRoot?: boolean }; containers: Container[]; volumes?: { name: string; configMap?: { name: string } }[] };
type Doc = any;

const kustomization = parse(await text('kustomization.yaml')) as { resources: string[] };
const docs = new Map<string, Doc>();
for (const file of kustomization.resources) {
  const doc = parse(await text(file)) as Doc;
  docs.set(doc.kind, doc);
}
const deployment = docs.get('Deployment');
const service = docs.get('Service');
const job = docs.get('Job');
const configMap = docs.get('ConfigMap');
const pod = deployment.spec.template.spec as PodSpec;
const mock = pod.containers[0]!;
const envOf = (c: Container) => new Map(c.env.map((e) => [e.name, e]));

const exposed = Number(/^EXPOSE (\d+)$/m.exec(dockerfile)?.[1]);
const healthPath = `${ADMIN_PREFIX}/health`;
const imageUser = Number(/^USER (\d+):\d+$/m.exec(dockerfile)?.[1]);

describe('deploy/kubernetes', () => {
  it('lists a ConfigMap, a Deployment, a Service and a Job in the kustomization, each parsing as YAML', () => {
    expect([...docs.keys()].toSorted()).toEqual(['ConfigMap', 'Deployment', 'Job', 'Service']);
  });

  it('the Deployment listens on the image\'s port and probes the image\'s health path', () => {
    expect(exposed).toBe(8080);
    expect(dockerfile).toContain(`/__admin/health`);
    const port = mock.ports?.find((p) => p.name === 'http');
    expect(port?.containerPort).toBe(exposed);
    expect(envOf(mock).get('POKEBENCH_PORT')?.value).toBe(String(exposed));
    for (const probe of [mock.readinessProbe, mock.livenessProbe]) expect(probe?.httpGet).toEqual({ path: healthPath, port: 'http' });
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(mock.resources?.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
    expect(mock.resources?.limits).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
  });

  it('sets only variables serve reads, off loopback with the admin token from a Secret, as the image\'s user', () => {
    const known = new Set(SERVE_ENV_FLAGS.map(envName));
    for (const e of mock.env) expect(known, e.name).toContain(e.name);
    const env = envOf(mock);
    expect(env.get('POKEBENCH_HOST')?.value).toBe('0.0.0.0');
    expect(env.get('POKEBENCH_ADMIN_TOKEN')?.valueFrom?.secretKeyRef).toEqual({ name: 'pokebench-admin', key: 'token' });
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: imageUser });
  });

  it('serves the profile from the ConfigMap, and that profile is valid', () => {
    const path = envOf(mock).get('POKEBENCH_PROFILE')?.value ?? '';
    const mount = mock.volumeMounts?.find((m) => path.startsWith(`${m.mountPath}/`));
    const volume = pod.volumes?.find((v) => v.name === mount?.name);
    expect(volume?.configMap?.name).toBe(configMap.metadata.name);
    const key = path.slice((mount?.mountPath.length ?? 0) + 1);
    expect(() => parseProfile(JSON.parse(configMap.data[key]), key)).not.toThrow();
  });

  it('the Service selects the pods and targets their named port', () => {
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    expect(service.spec.ports[0]).toMatchObject({ port: exposed, targetPort: 'http' });
  });

  it('the Indexed Job runs one shard per completion against the Service, with the admin token', () => {
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 2 });
    const sweep = (job.spec.template.spec as PodSpec).containers[0]!;
    const env = envOf(sweep);
    expect(env.get('SHARDS')?.value).toBe(String(job.spec.completions));
    expect(env.get('POKEBENCH_TARGET')?.value).toBe(`http://${service.metadata.name}:${service.spec.ports[0].port}`);
    expect(env.get('POKEBENCH_ADMIN_TOKEN')?.valueFrom?.secretKeyRef).toEqual({ name: 'pokebench-admin', key: 'token' });
    const script = (sweep.args ?? []).join(' ');
    expect(script).toContain('--shard "$((JOB_COMPLETION_INDEX + 1))/$SHARDS"');
    expect(script).toContain('--url "$POKEBENCH_TARGET"');
    expect(script).toContain('--json');
  });
});
