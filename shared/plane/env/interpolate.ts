/**
 * Docker Compose v2 variable substitution (compose-go `template`), used for env-file values and
 * for the compose file itself. Supported: `$$`, `$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`,
 * `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`, nested defaults.
 *
 * Where Compose v1 (docker-compose 1.29, python) differs, Hangar follows v2, because v1 is end of
 * life and Plane's install.sh calls `docker compose`:
 * - v1 has no `:+`/`+`; v1 reads `$VAR` and `$$` inside the *env file* literally (python-dotenv
 *   only expands `${VAR}` there), v2 expands both.
 * - v2 matches a braced expression up to the last `}` of the line and then splits at the first
 *   balanced one (with compose-go's quirk of skipping the character after each `{`); v1 uses a
 *   non-greedy match. They agree on every well-formed expression.
 */

/** Value of a variable, or undefined when it is not set at all (differs from set-but-empty). */
export type Lookup = (name: string) => string | undefined;

export interface InterpolationError {
  /** `required`: a `${VAR:?msg}` or `${VAR?msg}` failed; `invalid`: malformed `${`. */
  readonly kind: 'required' | 'invalid';
  readonly variable?: string;
  readonly message: string;
}

export interface Interpolation {
  readonly value: string;
  /** Variables looked up while producing the value, in order of first use. */
  readonly used: readonly string[];
  /** Variables that were needed but not set: Compose substitutes '' and warns. */
  readonly missing: readonly string[];
  /** Any error makes `docker compose` refuse to run; `value` is then only indicative. */
  readonly errors: readonly InterpolationError[];
}

/** Substitutes like `docker compose` does: `lookup` is the environment the expression sees. */
export function interpolate(template: string, lookup: Lookup): Interpolation {
  const state: State = { used: [], missing: [], errors: [], lookup, all: false };
  const value = substitute(template, state);
  return { value, used: unique(state.used), missing: unique(state.missing), errors: state.errors };
}

/**
 * Every variable name an expression can ever read, including names inside defaults that the
 * current values do not reach: what "is this key referenced by the compose file" must mean.
 */
export function referencedVariables(template: string): string[] {
  const state: State = { used: [], missing: [], errors: [], lookup: () => undefined, all: true };
  substitute(template, state);
  return unique(state.used);
}

interface State {
  readonly used: string[];
  readonly missing: string[];
  readonly errors: InterpolationError[];
  readonly lookup: Lookup;
  /** Reference scan: visit every branch, ignore values. */
  readonly all: boolean;
}

type Operator = ':-' | '-' | ':+' | '+' | ':?' | '?';

const nameAt = /[_a-z][_a-z0-9]*/iy;

function substitute(template: string, state: State): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar === -1) return out + template.slice(i);
    out += template.slice(i, dollar);
    const next = template.charAt(dollar + 1);
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const braced = matchBraced(template, dollar);
      if (braced === null) {
        state.errors.push({
          kind: 'invalid',
          message: `Invalid interpolation format in "${template}": '\${' must be followed by a variable name and '}'.`,
        });
        i = dollar + 2;
      } else {
        out += applyBraced(braced, state);
        i = braced.end;
      }
    } else {
      nameAt.lastIndex = dollar + 1;
      const named = nameAt.exec(template);
      if (named === null) {
        out += '$';
        i = dollar + 1;
      } else {
        out += read(named[0], state);
        i = dollar + 1 + named[0].length;
      }
    }
  }
  return out;
}

interface Braced {
  readonly name: string;
  readonly operator: Operator | null;
  /** The whole match, from `$` to the `}` that ends it. */
  readonly text: string;
  readonly end: number;
}

function matchBraced(template: string, dollar: number): Braced | null {
  nameAt.lastIndex = dollar + 2;
  const named = nameAt.exec(template);
  if (named === null) return null;
  const name = named[0];
  const after = dollar + 2 + name.length;
  if (template.charAt(after) === '}') return { name, operator: null, text: template.slice(dollar, after + 1), end: after + 1 };
  const operator = operatorAt(template, after);
  if (operator === null) return null;
  // The pattern's `(.*)}` is greedy and `.` stops at a newline: the match ends at the last '}' of the line.
  const lineEnd = template.indexOf('\n', after);
  const close = template.lastIndexOf('}', lineEnd === -1 ? template.length : lineEnd);
  if (close < after + operator.length) return null;
  return { name, operator, text: template.slice(dollar, close + 1), end: close + 1 };
}

function operatorAt(template: string, at: number): Operator | null {
  const two = template.slice(at, at + 2);
  if (two === ':-' || two === ':+' || two === ':?') return two;
  const one = template.charAt(at);
  return one === '-' || one === '+' || one === '?' ? one : null;
}

function applyBraced(braced: Braced, state: State): string {
  if (braced.operator === null) return read(braced.name, state);
  const closing = firstBraceClosingIndex(braced.text);
  const head = closing === -1 ? braced.text : braced.text.slice(0, closing + 1);
  const rest = closing === -1 ? '' : braced.text.slice(closing + 1);
  const argument = head.slice(2 + braced.name.length + braced.operator.length, -1);
  return applyOperator(braced.name, braced.operator, argument, state) + substitute(rest, state);
}

function applyOperator(name: string, operator: Operator, argument: string, state: State): string {
  state.used.push(name);
  if (state.all) {
    substitute(argument, state);
    return '';
  }
  const value = state.lookup(name);
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  switch (operator) {
    case ':-':
      return nonEmpty ? value : substitute(argument, state);
    case '-':
      return set ? value : substitute(argument, state);
    case ':+':
      return nonEmpty ? substitute(argument, state) : (value ?? '');
    case '+':
      return set ? substitute(argument, state) : '';
    case ':?':
    case '?': {
      if (operator === ':?' ? nonEmpty : set) return value ?? '';
      const reason = substitute(argument, state);
      state.errors.push({
        kind: 'required',
        variable: name,
        message: reason === '' ? `required variable ${name} is missing a value` : `required variable ${name} is missing a value: ${reason}`,
      });
      return '';
    }
  }
}

function read(name: string, state: State): string {
  state.used.push(name);
  const value = state.all ? undefined : state.lookup(name);
  if (value === undefined && !state.all) state.missing.push(name);
  return value ?? '';
}

/** compose-go `getFirstBraceClosingIndex`, including its skip of the character after each '{'. */
function firstBraceClosingIndex(text: string): number {
  let open = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (ch === '}') {
      open -= 1;
      if (open === 0) return i;
    }
    if (ch === '{') {
      open += 1;
      i += 1;
    }
  }
  return -1;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
