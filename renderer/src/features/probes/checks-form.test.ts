import { describe, expect, it } from 'vitest';
import { emptyChecksForm, formFromDraft, parseChecksForm, type ChecksForm } from './checks-form';

const form = (patch: Partial<ChecksForm>): ChecksForm => ({ ...emptyChecksForm, ...patch });

describe('parseChecksForm', () => {
  it('asks for the web URL instead of probing a guess', () => {
    expect(parseChecksForm(form({}))).toEqual({ errors: { webUrl: expect.stringMatching(/Enter the address users open/) } });
  });

  it('puts the schema message under the field it concerns', () => {
    const result = parseChecksForm(form({ webUrl: 'https://plane.example.com', apiUrl: 'ftp://x.example.com' }));
    expect(result).toEqual({ errors: { apiUrl: 'The API URL must start with http:// or https://, not ftp://.' } });
  });

  it('leaves optional URLs out when blank, so main derives them from the web URL', () => {
    const result = parseChecksForm(form({ webUrl: ' http://127.0.0.1:8080 ', apiUrl: ' ', liveUrl: '' }));
    expect(result).toEqual({ input: expect.objectContaining({ webUrl: 'http://127.0.0.1:8080', resolve: [] }) });
    expect('input' in result && 'apiUrl' in result.input).toBe(false);
  });

  it('keeps resolve overrides, ignores blank rows and points an error at the right row', () => {
    const ok = parseChecksForm(
      form({
        webUrl: 'https://plane.lab.test',
        resolve: [
          { host: '', address: '' },
          { host: 'plane.lab.test', address: '127.0.0.1' },
        ],
      }),
    );
    expect(ok).toMatchObject({ input: { resolve: [{ host: 'plane.lab.test', address: '127.0.0.1' }] } });
    const bad = parseChecksForm(
      form({
        webUrl: 'https://plane.lab.test',
        resolve: [
          { host: '', address: '' },
          { host: 'plane.lab.test', address: 'localhost' },
        ],
      }),
    );
    expect(bad).toEqual({ errors: { 'resolve.1': 'The address of a resolve override must be an IPv4 or IPv6 address.' } });
  });
});

describe('formFromDraft', () => {
  it('shows absent split URLs as empty fields and keeps the expectations', () => {
    const draft = {
      webUrl: 'http://a.test',
      layout: 'community' as const,
      resolve: [],
      expected: { bucketName: 'files', serverAddresses: ['10.0.0.1'], corsAllowedOrigins: ['http://a.test/'] },
    };
    expect(formFromDraft(draft)).toEqual({
      webUrl: 'http://a.test',
      apiUrl: '',
      liveUrl: '',
      layout: 'community',
      resolve: [],
      expected: draft.expected,
    });
  });
});
