// The forwarding slip (domain.md §5: a letter outside the body's authority is forwarded to the competent
// body and the sender told; Quy định 296-QĐ/TW) in the Party's format (Hướng dẫn 36-HD/VPTW).
import { describe, expect, it } from 'vitest';
import { issuerOf, numberText, type OrgLink } from '../documents/issuer.ts';
import { plainText } from '../documents/model.ts';
import {
  competentBodyName,
  composeForwardingLetter,
  FORWARDING_SYMBOL,
  type ForwardingFacts,
  resolvingBodyType,
} from './forwarding-letter.ts';

const TW: OrgLink = { kind: 'central', name: 'Trung ương' };
const NGHE_AN: OrgLink = { kind: 'province', name: 'Đảng bộ tỉnh Nghệ An' };
const DO_LUONG: OrgLink = { kind: 'commune', name: 'Đảng bộ xã Đô Lương' };

function facts(over: Partial<ForwardingFacts> = {}): ForwardingFacts {
  return {
    code: '07/2026/ĐT',
    issuer: issuerOf([TW, NGHE_AN, DO_LUONG], 'ubkt'),
    secrecy: 0,
    kind: 'denunciation',
    channel: 'post',
    receivedOn: '2026-11-20',
    sourceName: null,
    sourceRef: null,
    senderIdentity: 'named',
    senderTold: true,
    title: 'Tố cáo việc giao đất công ích không qua đấu giá',
    subject: { kind: 'member', name: 'Nguyễn Văn Hùng', position: 'Ủy viên Ban Thường vụ Tỉnh ủy' },
    competent: { name: 'Ủy ban Kiểm tra Tỉnh ủy Nghệ An', reason: null },
    signer: { name: 'Lê Văn Hải', title: 'Phó Chủ nhiệm' },
    ...over,
  };
}

const issue = { issuedOn: '2026-11-22', numberText: numberText(3, FORWARDING_SYMBOL, 'UBKTĐU') };

describe('forwarding slip in the Party format (Hướng dẫn 36-HD/VPTW)', () => {
  it('carries the issuer heading, "Số 3-PC/UBKTĐU", the place-and-date line and the title', () => {
    const m = composeForwardingLetter(facts(), issue);
    expect(m.heading).toMatchObject({
      superior: 'ĐẢNG ỦY XÃ ĐÔ LƯƠNG',
      issuer: 'ỦY BAN KIỂM TRA',
      numberLine: 'Số 3-PC/UBKTĐU',
      secrecy: null,
      dateLine: 'Đô Lương, ngày 22 tháng 11 năm 2026',
    });
    expect(m.title).toBe('PHIẾU CHUYỂN ĐƠN');
  });

  it('is addressed to the competent body and forwards the letter for resolution (Quy định 296-QĐ/TW)', () => {
    const text = plainText(composeForwardingLetter(facts(), issue));
    expect(text).toContain('Kính gửi: Ủy ban Kiểm tra Tỉnh ủy Nghệ An');
    expect(text).toContain(
      'Ngày 20/11/2026, Ủy ban Kiểm tra Đảng ủy xã Đô Lương nhận được 01 đơn tố cáo của công dân gửi qua đường bưu điện',
    );
    expect(text).toContain('tố cáo đồng chí Nguyễn Văn Hùng, Ủy viên Ban Thường vụ Tỉnh ủy');
    expect(text).toContain('Quy định số 296-QĐ/TW');
    expect(text).toContain('chuyển đơn nêu trên đến Ủy ban Kiểm tra Tỉnh ủy Nghệ An để xem xét, giải quyết theo thẩm quyền');
    expect(text).toContain('Trích yếu nội dung đơn: Tố cáo việc giao đất công ích không qua đấu giá.');
  });

  it('says how the letter was signed, never by whom (domain.md §5: the denouncer is protected)', () => {
    expect(plainText(composeForwardingLetter(facts({ senderIdentity: 'anonymous', senderTold: false }), issue))).toContain(
      '01 đơn tố cáo không ghi tên người gửi',
    );
    expect(plainText(composeForwardingLetter(facts({ senderIdentity: 'false_name', senderTold: false }), issue))).toContain(
      '01 đơn tố cáo mạo tên',
    );
    const denunciation = plainText(composeForwardingLetter(facts(), issue));
    expect(denunciation).toContain('giữ bí mật họ tên, địa chỉ, bút tích');
    expect(denunciation).toContain('không chuyển đơn tố cáo cho tổ chức, cá nhân bị tố cáo');
    const feedback = plainText(composeForwardingLetter(facts({ kind: 'feedback' }), issue));
    expect(feedback).toContain('01 đơn phản ánh của công dân');
    expect(feedback).not.toContain('giữ bí mật họ tên');
  });

  it('lists "Người gửi đơn (để biết)" as a label only when the sender is told', () => {
    const told = composeForwardingLetter(facts(), issue);
    expect(told.recipients).toEqual([
      '- Ủy ban Kiểm tra Tỉnh ủy Nghệ An (để giải quyết),',
      '- Người gửi đơn (để biết),',
      '- Lưu VT, hồ sơ đơn 07/2026/ĐT.',
    ]);
    expect(plainText(told)).toContain('đã thông báo cho người gửi đơn biết việc chuyển đơn');
    const untold = composeForwardingLetter(facts({ senderIdentity: 'anonymous', senderTold: false }), issue);
    expect(untold.recipients).not.toContain('- Người gửi đơn (để biết),');
    expect(plainText(untold)).not.toContain('đã thông báo cho người gửi');
  });

  it('names the body that forwarded it or the newspaper, with its reference', () => {
    const forwarded = facts({ channel: 'forwarded', sourceName: 'Văn phòng Tỉnh ủy', sourceRef: 'Phiếu chuyển số 12-PC/VPTU' });
    expect(plainText(composeForwardingLetter(forwarded, issue))).toContain('do Văn phòng Tỉnh ủy chuyển đến (Phiếu chuyển số 12-PC/VPTU)');
    const press = facts({ channel: 'press', kind: 'feedback', sourceName: 'Báo Nghệ An' });
    expect(plainText(composeForwardingLetter(press, issue))).toContain('qua thông tin phản ánh trên Báo Nghệ An');
  });

  it('is signed for the body by the signer given, and marked when the letter is (Luật Bảo vệ bí mật nhà nước 2018)', () => {
    const m = composeForwardingLetter(facts({ secrecy: 1 }), issue);
    expect(m.signatures.right).toEqual({ onBehalfOf: 'T/M ỦY BAN KIỂM TRA', title: 'PHÓ CHỦ NHIỆM', name: 'Lê Văn Hải' });
    expect(m.heading.secrecy).toBe('MẬT');
  });

  it('a chi bộ forwards in its own name, signing "T/M CHI BỘ"', () => {
    const cell = issuerOf([TW, NGHE_AN, DO_LUONG, { kind: 'cell', name: 'Chi bộ Xóm 1' }], 'cell');
    const m = composeForwardingLetter(facts({ issuer: cell, kind: 'recommendation' }), { ...issue, numberText: '1-PC/CB' });
    expect(m.heading).toMatchObject({ issuer: 'CHI BỘ XÓM 1', numberLine: 'Số 1-PC/CB' });
    expect(m.signatures.right?.onBehalfOf).toBe('T/M CHI BỘ');
    expect(plainText(m)).toContain('Chi bộ Xóm 1 nhận được 01 đơn kiến nghị của công dân');
  });
});

describe('the competent body as the slip names it (domain.md §2, §5)', () => {
  it.each([
    [{ kind: 'province', hasInspectionCommittee: true }, 'ubkt'],
    [{ kind: 'commune', hasInspectionCommittee: true }, 'ubkt'],
    [{ kind: 'commune', hasInspectionCommittee: false }, 'committee'],
    [{ kind: 'grassroots', hasInspectionCommittee: true }, 'ubkt'],
    [{ kind: 'grassroots', hasInspectionCommittee: false }, 'cell'],
    [{ kind: 'cell', hasInspectionCommittee: false }, 'cell'],
  ] as const)('%o resolves as %s', (org, type) => {
    expect(resolvingBodyType(org)).toBe(type);
  });

  it.each([
    [NGHE_AN, 'ubkt', 'Ủy ban Kiểm tra Tỉnh ủy Nghệ An'],
    [DO_LUONG, 'ubkt', 'Ủy ban Kiểm tra Đảng ủy xã Đô Lương'],
    [DO_LUONG, 'committee', 'Đảng ủy xã Đô Lương'],
    [{ kind: 'cell', name: 'Chi bộ Xóm 1' }, 'cell', 'Chi bộ Xóm 1'],
  ] as const)('%o as %s → %s', (org, type, name) => {
    expect(competentBodyName(org, type)).toBe(name);
  });
});
