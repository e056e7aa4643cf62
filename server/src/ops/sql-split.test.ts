import { describe, expect, it } from 'vitest';
import { type SqlPiece, SqlSplitter, splitSql } from './sql-split.ts';

const SAMPLE = [
  '-- ktgs-backup 1',
  "-- a comment with ' and ; inside",
  "SET client_encoding = 'UTF8';",
  "INSERT INTO \"it's\" (\"a;b\", \"q\"\"x\") VALUES ('Nguyễn; Văn', E'C:\\\\dir\\\\', 'O''Brien');",
  'INSERT INTO "t" ("x") VALUES (\'line one;',
  '-- not a comment',
  "line three'), (E'it\\'s;');",
  'SELECT 1 - 2, 3--4',
  ';',
  '-- ktgs-backup end',
  '',
].join('\n');

function splitInChunks(text: string, size: number): SqlPiece[] {
  const s = new SqlSplitter();
  const out: SqlPiece[] = [];
  for (let at = 0; at < text.length; at += size) out.push(...s.push(text.slice(at, at + size)));
  return [...out, ...s.end()];
}

describe('SqlSplitter', () => {
  const expected: SqlPiece[] = [
    { kind: 'comment', text: '-- ktgs-backup 1' },
    { kind: 'comment', text: "-- a comment with ' and ; inside" },
    { kind: 'statement', text: "SET client_encoding = 'UTF8'" },
    {
      kind: 'statement',
      text: "INSERT INTO \"it's\" (\"a;b\", \"q\"\"x\") VALUES ('Nguyễn; Văn', E'C:\\\\dir\\\\', 'O''Brien')",
    },
    {
      kind: 'statement',
      text: "INSERT INTO \"t\" (\"x\") VALUES ('line one;\n-- not a comment\nline three'), (E'it\\'s;')",
    },
    { kind: 'comment', text: '--4' },
    { kind: 'statement', text: 'SELECT 1 - 2, 3' },
    { kind: 'comment', text: '-- ktgs-backup end' },
  ];

  it('splits statements and comments, whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 5, 7, 64, SAMPLE.length]) expect(splitInChunks(SAMPLE, size)).toEqual(expected);
  });

  it('reports text left without a closing semicolon', async () => {
    const pieces: SqlPiece[] = [];
    for await (const p of splitSql("INSERT INTO t VALUES (1);\nINSERT INTO t VALUES ('cut", 4)) pieces.push(p);
    expect(pieces).toEqual([
      { kind: 'statement', text: 'INSERT INTO t VALUES (1)' },
      { kind: 'partial', text: "INSERT INTO t VALUES ('cut" },
    ]);
  });
});
