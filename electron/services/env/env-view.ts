import { posix } from 'node:path';
import { readComposeFile } from '../../../shared/plane/env/compose-model';
import { resolveContainerEnvironment } from '../../../shared/plane/env/container-env';
import { parseEnvFile } from '../../../shared/plane/env/parse-env-file';
import { resolveEnvFile } from '../../../shared/plane/env/resolve-env-file';
import type { Deployment } from '../../../shared/schemas/deployment';
import type { EnvFileView, EnvLoadResult } from '../../../shared/schemas/env-edit';
import { findingsFor, type EnvModel, type LoadedEnvFile } from './env-model';
import { maskText, maskValue } from './secret-mask';

/**
 * What the editor receives for a deployment: each file's masked text, entries and parse
 * diagnostics, the rules' findings, and what every container really gets (compose-resolved,
 * defaults included). Pure; every secret value is masked here, at the one place views are built.
 */
export function buildLoadResult(deployment: Deployment, model: EnvModel, files: readonly LoadedEnvFile[], composeTexts: readonly string[]): EnvLoadResult {
  const composes = composeTexts.map(readComposeFile);
  const referenced = (key: string): boolean | undefined =>
    composes.length === 0 ? undefined : composes.some((c) => c.references.has(key) || [...c.services.values()].some((s) => s.environment.has(key) && s.environment.get(key) === null));
  const views = files.map((f) => fileView(f, model, (key) => (f.ref.interpolation ? referenced(key) : f.ref.usedBy.length > 0)));
  return {
    deployment,
    files: views,
    findings: findingsFor(deployment, model, files.map((f) => ({ path: f.ref.path, text: f.text })), composeTexts),
    containerEnv: containerEnv(deployment, model, files, composes),
  };
}

function fileView(f: LoadedEnvFile, model: EnvModel, reaches: (key: string) => boolean | undefined): EnvFileView {
  const doc = parseEnvFile(f.text);
  const resolved = resolveEnvFile(doc);
  const entries = [...resolved.entries.values()].map((e) => {
    const secret = model.isSecret(e.key, e.value);
    const reachesContainer = reaches(e.key);
    return {
      key: e.key,
      line: e.line,
      value: secret ? maskValue(e.value) : e.value,
      secret,
      known: model.schema.spec(e.key, f.ref.role === 'env' ? undefined : f.ref.role) !== undefined,
      ...(reachesContainer !== undefined ? { reachesContainer } : {}),
    };
  });
  return {
    ...f.ref,
    etag: f.etag,
    mode: f.mode,
    mtime: f.mtime,
    text: maskText(doc, model.isSecret),
    entries,
    diagnostics: doc.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line, message: d.message, ...(d.key !== undefined ? { key: d.key } : {}) })),
  };
}

function containerEnv(deployment: Deployment, model: EnvModel, files: readonly LoadedEnvFile[], composes: ReturnType<typeof readComposeFile>[]): EnvLoadResult['containerEnv'] {
  if (composes.length === 0) return [];
  const interpolation = new Map<string, string>();
  for (const f of files) if (f.ref.interpolation) for (const [k, v] of resolveEnvFile(parseEnvFile(f.text)).values) interpolation.set(k, v);
  const byPath = new Map(files.map((f) => [f.ref.path, resolveEnvFile(parseEnvFile(f.text)).values]));
  const absolute = (p: string) => (posix.isAbsolute(p) ? posix.normalize(p) : posix.join(deployment.workingDir, p));
  const merged = new Map<string, Map<string, { key: string; value: string; secret: boolean; source: 'env' | 'compose-default' | 'literal' | 'service-env-file' }>>();
  for (const compose of composes) {
    for (const [service, vars] of resolveContainerEnvironment(compose, interpolation, { serviceEnvFile: (p) => byPath.get(absolute(p)) })) {
      const into = merged.get(service) ?? new Map();
      for (const v of vars.values()) {
        const secret = model.isSecret(v.key, v.value);
        into.set(v.key, { key: v.key, value: secret ? maskValue(v.value) : v.value, secret, source: v.source });
      }
      merged.set(service, into);
    }
  }
  return [...merged].map(([service, vars]) => ({ service, variables: [...vars.values()].sort((a, b) => a.key.localeCompare(b.key)) }));
}
