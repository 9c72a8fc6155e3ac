/**
 * A small OData `$filter` / `$orderby` evaluator for the fake server: comparisons (eq ne gt ge lt le)
 * on property paths ("HuidigeDocumentVersie/ExterneIdentifier"), joined by `and` / `or`, grouped by
 * parentheses. Literals: 'strings' (with '' escapes), numbers, true/false/null and date-times. That is
 * every form the sync sends; anything else throws, so a query the server does not understand fails
 * the test instead of silently matching everything.
 */

type Row = Record<string, unknown>;
type Token = { kind: 'str' | 'word' | 'lparen' | 'rparen'; text: string };

function tokenize(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(') {
      out.push({ kind: 'lparen', text: c });
      i++;
    } else if (c === ')') {
      out.push({ kind: 'rparen', text: c });
      i++;
    } else if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= input.length) throw new Error(`unterminated string in $filter: ${input}`);
        if (input[i] === "'") {
          if (input[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += input[i++];
      }
      out.push({ kind: 'str', text: s });
    } else {
      let w = '';
      while (i < input.length && !/[\s()']/.test(input[i]!)) w += input[i++];
      out.push({ kind: 'word', text: w });
    }
  }
  return out;
}

type Junction = { type: 'and' | 'or'; left: Expr; right: Expr };
type Comparison = { type: 'cmp'; path: string[]; op: string; value: unknown };
type Expr = Junction | Comparison;

function literal(tok: Token): unknown {
  if (tok.kind === 'str') return tok.text;
  const t = tok.text;
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (t === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(t)) return { date: Date.parse(t.length === 10 ? `${t}T00:00:00Z` : t) };
  throw new Error(`unsupported literal in $filter: ${t}`);
}

/** Parse a $filter expression. */
export function parseFilter(input: string): Expr {
  const toks = tokenize(input);
  let pos = 0;
  const peek = (): Token | undefined => toks[pos];
  const parseOr = (): Expr => {
    let left = parseAnd();
    while (peek()?.kind === 'word' && peek()!.text === 'or') {
      pos++;
      left = { type: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Expr => {
    let left = parseTerm();
    while (peek()?.kind === 'word' && peek()!.text === 'and') {
      pos++;
      left = { type: 'and', left, right: parseTerm() };
    }
    return left;
  };
  const parseTerm = (): Expr => {
    const t = toks[pos++];
    if (!t) throw new Error(`unexpected end of $filter: ${input}`);
    if (t.kind === 'lparen') {
      const e = parseOr();
      if (toks[pos++]?.kind !== 'rparen') throw new Error(`missing ) in $filter: ${input}`);
      return e;
    }
    if (t.kind !== 'word') throw new Error(`expected a property in $filter: ${input}`);
    const op = toks[pos++];
    const val = toks[pos++];
    if (!op || !val || !['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op.text)) throw new Error(`unsupported comparison in $filter: ${input}`);
    return { type: 'cmp', path: t.text.split('/'), op: op.text, value: literal(val) };
  };
  const e = parseOr();
  if (pos !== toks.length) throw new Error(`trailing tokens in $filter: ${input}`);
  return e;
}

function valueAt(row: Row, path: string[]): unknown {
  let v: unknown = row;
  for (const p of path) {
    if (Array.isArray(v)) v = v[0];
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Row)[p];
  }
  return v;
}

function compare(a: unknown, b: unknown): number | null {
  if (b && typeof b === 'object' && 'date' in (b as object)) {
    if (typeof a !== 'string') return null;
    const t = Date.parse(a);
    return Number.isNaN(t) ? null : Math.sign(t - (b as { date: number }).date);
  }
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** Evaluate a parsed filter on a row. */
export function matches(expr: Expr, row: Row): boolean {
  if (expr.type !== 'cmp') return expr.type === 'and' ? matches(expr.left, row) && matches(expr.right, row) : matches(expr.left, row) || matches(expr.right, row);
  return compareRow(expr, row);
}

function compareRow(expr: Comparison, row: Row): boolean {
  const v = valueAt(row, expr.path);
  if (expr.op === 'eq' || expr.op === 'ne') {
    let eq: boolean;
    if (expr.value && typeof expr.value === 'object') eq = compare(v, expr.value) === 0;
    else eq = (v ?? null) === expr.value;
    return expr.op === 'eq' ? eq : !eq;
  }
  const c = compare(v, expr.value);
  if (c === null) return false;
  return expr.op === 'gt' ? c > 0 : expr.op === 'ge' ? c >= 0 : expr.op === 'lt' ? c < 0 : c <= 0;
}

/** Sort rows by an $orderby clause ("ApiGewijzigdOp asc,Id asc"). Nulls sort first, as SQL Server does. */
export function orderBy(rows: Row[], clause: string | null): Row[] {
  if (!clause) return [...rows].sort((a, b) => String(a['Id']).localeCompare(String(b['Id'])));
  const keys = clause.split(',').map((part) => {
    const [field, dir] = part.trim().split(/\s+/);
    return { path: field!.split('/'), desc: (dir ?? 'asc').toLowerCase() === 'desc' };
  });
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const va = valueAt(a, k.path);
      const vb = valueAt(b, k.path);
      let c = 0;
      if (va === vb) c = 0;
      else if (va === null || va === undefined) c = -1;
      else if (vb === null || vb === undefined) c = 1;
      else if (typeof va === 'string' && typeof vb === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(va) && /^\d{4}-\d{2}-\d{2}T/.test(vb)) c = Math.sign(Date.parse(va) - Date.parse(vb));
      else c = String(va) < String(vb) ? -1 : String(va) > String(vb) ? 1 : 0;
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });
}
