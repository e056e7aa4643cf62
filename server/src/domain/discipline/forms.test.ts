import { describe, expect, it } from 'vitest';
import type { DisciplineForm } from '../../../../common/discipline.ts';
import { type FormSubject, formProblem, formsOpenTo } from './forms.ts';

const full: FormSubject = { kind: 'member', probationary: false, holdsPost: false };
const fullWithPost: FormSubject = { kind: 'member', probationary: false, holdsPost: true };
const probationary: FormSubject = { kind: 'member', probationary: true, holdsPost: false };
const probationaryWithPost: FormSubject = { kind: 'member', probationary: true, holdsPost: true };
const org: FormSubject = { kind: 'org' };

describe('formsOpenTo (Quy định 69-QĐ/TW, Điều 7; Điều lệ Đảng, Điều 35)', () => {
  const rows: [string, FormSubject, DisciplineForm[]][] = [
    ['đảng viên chính thức không giữ chức vụ: không có cách chức', full, ['reprimand', 'warning', 'expulsion']],
    ['đảng viên chính thức giữ chức vụ: đủ bốn hình thức', fullWithPost, ['reprimand', 'warning', 'removal', 'expulsion']],
    ['đảng viên dự bị: chỉ khiển trách, cảnh cáo', probationary, ['reprimand', 'warning']],
    ['đảng viên dự bị giữ chức vụ: vẫn chỉ khiển trách, cảnh cáo', probationaryWithPost, ['reprimand', 'warning']],
    ['tổ chức đảng: khiển trách, cảnh cáo, giải tán', org, ['reprimand', 'warning', 'dissolution']],
  ];
  it.each(rows)('%s', (_name, subject, expected) => {
    expect(formsOpenTo(subject)).toEqual(expected);
  });
});

describe('formProblem (Quy định 69-QĐ/TW, Điều 7)', () => {
  const rows: [string, DisciplineForm, FormSubject, RegExp | null][] = [
    ['khai trừ đảng viên chính thức: được', 'expulsion', full, null],
    ['cách chức người không giữ chức vụ: không được', 'removal', full, /không giữ chức vụ/],
    ['cách chức người giữ chức vụ: được', 'removal', fullWithPost, null],
    ['khai trừ đảng viên dự bị: không được', 'expulsion', probationary, /dự bị chỉ bị khiển trách hoặc cảnh cáo, không bị khai trừ/],
    ['cách chức đảng viên dự bị có chức vụ: không được', 'removal', probationaryWithPost, /dự bị/],
    ['cảnh cáo đảng viên dự bị: được', 'warning', probationary, null],
    ['giải tán đảng viên: không được', 'dissolution', fullWithPost, /chỉ áp dụng với tổ chức đảng/],
    ['khai trừ tổ chức đảng: không được', 'expulsion', org, /tổ chức đảng chỉ bị khiển trách, cảnh cáo, giải tán/],
    ['cách chức tổ chức đảng: không được', 'removal', org, /cách chức/],
    ['giải tán tổ chức đảng: được', 'dissolution', org, null],
  ];
  it.each(rows)('%s', (_name, form, subject, expected) => {
    const problem = formProblem(form, subject);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
