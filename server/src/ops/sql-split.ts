// Splits SQL text, arriving in chunks of any size, into statements and `--` comments without ever
// holding more than the current statement. It knows the lexical forms a backup contains: '…' and
// E'…' literals (quotes doubled, E-strings with backslash escapes), "…" identifiers and line comments.
// Dollar quoting and /* */ comments are not recognised: a backup never contains them.

export interface SqlPiece {
  /** 'partial': text left at the end of the input without a closing `;` (a cut-off file). */
  kind: 'statement' | 'comment' | 'partial';
  text: string;
}

type State = 'code' | 'str' | 'ident' | 'comment';

const IDENT_CHAR = /[A-Za-z0-9_$]/;

export class SqlSplitter {
  #state: State = 'code';
  /** The previous character needs the next one to be understood (a closing or doubled quote, …). */
  #pending: '' | 'quote' | 'escape' | 'dash' = '';
  /** Where the pending '-' sits in the current chunk; -1 when it ended the previous chunk. */
  #dashAt = -1;
  #estr = false;
  #prev = '';
  #prevPrev = '';
  #stmt = '';
  #comment = '';

  push(chunk: string): SqlPiece[] {
    const out: SqlPiece[] = [];
    let state = this.#state;
    let pending = this.#pending;
    let seg = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      if (state === 'comment') {
        if (ch === '\n') {
          out.push({ kind: 'comment', text: (this.#comment + chunk.slice(seg, i)).trimEnd() });
          this.#comment = '';
          state = 'code';
          seg = i + 1;
        }
        continue;
      }
      if (state === 'str') {
        if (pending === 'escape') {
          pending = '';
          continue;
        }
        if (pending !== 'quote') {
          if (ch === '\\' && this.#estr) pending = 'escape';
          else if (ch === "'") pending = 'quote';
          continue;
        }
        pending = '';
        if (ch === "'") continue; // a doubled quote: still inside the literal
        state = 'code';
      } else if (state === 'ident') {
        if (pending !== 'quote') {
          if (ch === '"') pending = 'quote';
          continue;
        }
        pending = '';
        if (ch === '"') continue;
        state = 'code';
      }
      if (pending === 'dash') {
        pending = '';
        if (ch === '-') {
          if (this.#dashAt >= 0) this.#stmt += chunk.slice(seg, this.#dashAt);
          else this.#stmt = this.#stmt.slice(0, -1);
          this.#comment = '--';
          state = 'comment';
          seg = i + 1;
          continue;
        }
      }
      if (ch === "'") {
        state = 'str';
        this.#estr = (this.#prev === 'E' || this.#prev === 'e') && !IDENT_CHAR.test(this.#prevPrev);
      } else if (ch === '"') {
        state = 'ident';
      } else if (ch === '-') {
        pending = 'dash';
        this.#dashAt = i;
      } else if (ch === ';') {
        const text = (this.#stmt + chunk.slice(seg, i)).trim();
        this.#stmt = '';
        seg = i + 1;
        if (text) out.push({ kind: 'statement', text });
      }
      this.#prevPrev = this.#prev;
      this.#prev = ch;
    }
    if (state === 'comment') this.#comment += chunk.slice(seg);
    else this.#stmt += chunk.slice(seg);
    this.#dashAt = -1;
    this.#state = state;
    this.#pending = pending;
    return out;
  }

  /** Whatever the input left unfinished. */
  end(): SqlPiece[] {
    const out: SqlPiece[] = [];
    if (this.#state === 'comment') out.push({ kind: 'comment', text: this.#comment.trimEnd() });
    const rest = this.#stmt.trim();
    if (rest) out.push({ kind: 'partial', text: rest });
    this.#state = 'code';
    this.#pending = '';
    this.#stmt = '';
    this.#comment = '';
    return out;
  }
}

/** The pieces of a whole input; a string is fed in slices so that pieces are produced as they complete. */
export async function* splitSql(input: AsyncIterable<string> | string, slice = 1 << 20): AsyncGenerator<SqlPiece> {
  const splitter = new SqlSplitter();
  if (typeof input === 'string') {
    for (let at = 0; at < input.length; at += slice) yield* splitter.push(input.slice(at, at + slice));
  } else {
    for await (const chunk of input) yield* splitter.push(chunk);
  }
  yield* splitter.end();
}
