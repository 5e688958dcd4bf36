import type { ProbeDraft } from '../../../../shared/ipc/contracts/probes';
import { probeInputSchema, type ProbeExpectations, type ProbeInput, type ProbeLayout } from '../../../../shared/schemas/probe';

/** One "resolve this host to this address" row, as typed. */
export interface ResolveRow {
  host: string;
  address: string;
}

/**
 * What the Checks form holds: strings as typed. `expected` is what the deployment's env says
 * (CORS list, bucket, release, server address); it is carried along unedited and shown read-only.
 */
export interface ChecksForm {
  webUrl: string;
  apiUrl: string;
  liveUrl: string;
  layout: ProbeLayout;
  resolve: ResolveRow[];
  expected: ProbeExpectations;
}

/** Fields a message can sit under; `resolve.N` is the N-th override row. */
export type ChecksField = 'webUrl' | 'apiUrl' | 'liveUrl' | `resolve.${number}`;
export type ChecksFormErrors = Partial<Record<ChecksField, string>>;

/** A blank form: nothing is guessed, the user types the web URL. */
export const emptyChecksForm: ChecksForm = {
  webUrl: '',
  apiUrl: '',
  liveUrl: '',
  layout: 'community',
  resolve: [],
  expected: { bucketName: 'uploads', serverAddresses: [] },
};

/** The form as `probes.inputFor` prefilled it. */
export function formFromDraft(draft: ProbeDraft): ChecksForm {
  return {
    webUrl: draft.webUrl,
    apiUrl: draft.apiUrl ?? '',
    liveUrl: draft.liveUrl ?? '',
    layout: draft.layout,
    resolve: draft.resolve.map((r) => ({ ...r })),
    expected: draft.expected,
  };
}

/**
 * The form → `probes.run` input, parsed with the schema main uses so the message under a field
 * is the one main would send. Empty optional URLs mean "derive from the web URL"; a resolve row
 * left entirely blank is ignored (the user added a row and changed their mind).
 */
export function parseChecksForm(form: ChecksForm): { input: ProbeInput } | { errors: ChecksFormErrors } {
  const rows = form.resolve
    .map((r, index) => ({ index, host: r.host.trim(), address: r.address.trim() }))
    .filter((r) => r.host !== '' || r.address !== '');
  const candidate = {
    webUrl: form.webUrl.trim(),
    ...(form.apiUrl.trim() !== '' ? { apiUrl: form.apiUrl.trim() } : {}),
    ...(form.liveUrl.trim() !== '' ? { liveUrl: form.liveUrl.trim() } : {}),
    layout: form.layout,
    expected: form.expected,
    resolve: rows.map(({ host, address }) => ({ host, address })),
  };
  const errors: ChecksFormErrors = {};
  if (candidate.webUrl === '') errors.webUrl = 'Enter the address users open in the browser, e.g. https://plane.example.com.';
  const parsed = probeInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      const field: ChecksField | undefined =
        head === 'webUrl' || head === 'apiUrl' || head === 'liveUrl'
          ? head
          : head === 'resolve' && typeof index === 'number'
            ? `resolve.${rows[index]?.index ?? index}`
            : undefined;
      if (field !== undefined) errors[field] ??= issue.message;
      else errors.webUrl ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { input: candidate };
}
