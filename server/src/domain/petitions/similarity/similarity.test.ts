// Duplicate and related petitions (domain.md §5: "the same letter sent to several levels or repeated
// (đơn trùng, đơn vượt cấp) is linked, not counted twice"; issue #6 point 6).
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../../../test/fixtures/petitions/corpus.ts';
import { pairLabel } from '../../../../../test/fixtures/petitions/types.ts';
import { compare, DedupIndex, fold, letterBody, NAME_BAND, personNames, signature, TermStats } from './index.ts';

const corpus = loadCorpus();
const byId = (id: string) => corpus.find((l) => l.id === id)!;
// Statistics over the whole corpus text (never its labels), as the module keeps over stored letters.
const stats = new TermStats();
for (const l of corpus) stats.add(signature(l.text).terms);

const LETTER = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

ĐƠN TỐ CÁO

Kính gửi: Ủy ban Kiểm tra Đảng ủy xã Tân Phú

Tôi tên là Đỗ Văn Tâm, sinh năm 1961, trú tại thôn Đông, xã Tân Phú.
Tôi xin trình bày sự việc như sau:
Ông Nguyễn Văn Hùng, Chủ tịch UBND xã, đã giao lô đất số 17 ở khu Đồng Mả cho em vợ không qua đấu giá. Lô đất sau đó được bán lại với giá hơn 1,2 tỷ đồng.
Xin trân trọng cảm ơn!

Tân Phú, ngày 12 tháng 3 năm 2026
Người viết đơn
(đã ký)
Đỗ Văn Tâm`;

describe('normalisation', () => {
  it('folds diacritics, đ included, and lower-cases', () => {
    expect(fold('Đơn TỐ CÁO Đảng ủy Quỳnh Lâm')).toBe('don to cao dang uy quynh lam');
    // Decomposed input (NFD, as some keyboards send) folds the same as precomposed.
    expect(fold('Hòa Bình'.normalize('NFD'))).toBe(fold('Hòa Bình'));
  });

  it('keeps the content and drops the frame: motto, title, recipient, sender, formulas, date, signature', () => {
    const body = letterBody(LETTER);
    expect(body).toBe(
      'Ông Nguyễn Văn Hùng, Chủ tịch UBND xã, đã giao lô đất số 17 ở khu Đồng Mả cho em vợ không qua đấu giá. Lô đất sau đó được bán lại với giá hơn 1,2 tỷ đồng.',
    );
  });

  it('a letter typed without diacritics has the same signature as with them', () => {
    const plain = fold(LETTER).replace(/nguyen van hung/, 'Nguyen Van Hung');
    const a = signature(LETTER);
    const b = signature(plain);
    expect(Array.from(b.pairs)).toEqual(Array.from(a.pairs));
    expect(b.keys).toEqual(a.keys);
    expect(compare(a, b, stats).relation).toBe('duplicate');
  });

  it('finds the people named in the content, also without diacritics, not the sender', () => {
    expect(personNames(letterBody(LETTER))).toEqual(['nguyen van hung']);
    expect(personNames('Ong Tran Thi Mai, ke toan truong, va ba Le Thi Thu.')).toEqual(['le thi thu', 'tran thi mai']);
    expect(personNames('Ủy ban Kiểm tra Tỉnh ủy Nghệ An đề nghị')).toEqual([]);
  });
});

describe('signatures and keys', () => {
  it('are deterministic: the same text gives the same keys in every run', () => {
    const a = signature(LETTER);
    const b = signature(`${LETTER}`);
    expect(b.keys).toEqual(a.keys);
    expect(Array.from(b.minhash)).toEqual(Array.from(a.minhash));
    expect(a.keys.length).toBe(25);
    expect(a.keys.every((k) => Number.isSafeInteger(k.hash) && k.hash >= 0)).toBe(true);
    expect(a.keys.at(-1)!.band).toBe(NAME_BAND);
    // Pinned values: changing the hashing silently would orphan every key stored in the database.
    const pinned = signature('Ông Nguyễn Văn Hùng đã giao lô đất số 17 ở khu Đồng Mả cho em vợ không qua đấu giá.');
    expect(pinned.keys.slice(0, 2)).toEqual([
      { band: 0, hash: 47864546017476 },
      { band: 1, hash: 1232491796810144 },
    ]);
    expect(pinned.keys.at(-1)).toEqual({ band: NAME_BAND, hash: 4818289114168042 });
    expect(pinned.minhash[0]).toBe(78822855);
  });

  it('an empty or frame-only letter has no band keys (it must not match every other empty letter)', () => {
    const s = signature('Kính gửi: Ủy ban Kiểm tra\nNgười viết đơn\nNguyễn Văn A');
    expect(s.keys).toEqual([]);
  });
});

describe('relations on the labelled corpus (by example)', () => {
  it('the same letter signed by other people in a campaign is a duplicate', () => {
    const campaign = corpus.filter((l) => l.cluster === 'M22' && l.variant === 'campaign');
    const original = corpus.find((l) => l.cluster === 'M22' && l.variant === 'original')!;
    expect(campaign.length).toBeGreaterThan(3);
    expect(new Set(campaign.map((l) => (l.sender.type === 'named' ? l.sender.name : ''))).size).toBe(campaign.length);
    for (const l of campaign) expect(compare(signature(original.text), signature(l.text), stats).relation).toBe('duplicate');
  });

  it('the same letter sent to another level is a duplicate; the same matter retold is related', () => {
    const m = corpus.filter((l) => l.cluster === 'M06');
    const original = m.find((l) => l.variant === 'original')!;
    const copy = m.find((l) => l.variant === 'level_copy' && l.letter === original.letter)!;
    const retold = m.find((l) => l.variant === 'retold')!;
    expect(compare(signature(original.text), signature(copy.text), stats).relation).toBe('duplicate');
    expect(compare(signature(original.text), signature(retold.text), stats).relation).toBe('related');
  });

  it('a letter re-sent months later with a sentence dropped and news added is related, not a copy', () => {
    for (const cluster of ['M01', 'M14', 'M23', 'M45']) {
      const m = corpus.filter((l) => l.cluster === cluster);
      const original = m.find((l) => l.variant === 'original')!;
      const resend = m.find((l) => l.variant === 'resend')!;
      expect(compare(signature(original.text), signature(resend.text), stats).relation, cluster).toBe('related');
    }
  });

  it('different letters about the same person stay apart', () => {
    // Nguyễn Văn Hùng: land (M01), road works (M02), a lavish wedding (M03); Lê Quang Dũng: M06–M08.
    for (const [x, y] of [
      ['M01', 'M02'],
      ['M01', 'M03'],
      ['M02', 'M03'],
      ['M06', 'M07'],
      ['M07', 'M08'],
      ['M09', 'M10'],
      ['M18', 'M19'],
    ]) {
      const a = corpus.find((l) => l.cluster === x && l.variant === 'original')!;
      const b = corpus.find((l) => l.cluster === y && l.variant === 'original')!;
      expect(a.subject.name).toBe(b.subject.name);
      const c = compare(signature(a.text), signature(b.text), stats);
      expect(c.relation, `${x} vs ${y} cosine ${c.cosine.toFixed(3)}`).toBe('none');
    }
  });

  it('the index links almost every labelled pair and no unrelated pair (labels read only to score)', () => {
    const index = new DedupIndex();
    const sigs = corpus.map((l) => signature(l.text));
    corpus.forEach((l, i) => {
      index.add(l.id, sigs[i]!);
    });
    let truePairs = 0;
    let found = 0;
    let wrong = 0;
    corpus.forEach((l, i) => {
      const result = index.query(sigs[i]!, { excludeId: l.id });
      // Work stays small: a letter is scored against its own matter's letters and few others.
      expect(result.candidates).toBeLessThan(40);
      const got = new Set(result.matches.map((m) => m.id));
      for (const other of corpus) {
        if (other.id === l.id) continue;
        const label = pairLabel(l, other);
        if (label !== 'none') truePairs++;
        if (label !== 'none' && got.has(other.id)) found++;
        if (label === 'none' && got.has(other.id)) wrong++;
      }
      for (const m of result.matches) {
        const label = pairLabel(l, byId(m.id));
        if (label === 'duplicate') expect(m.relation, `${l.id}–${m.id}`).toBe('duplicate');
      }
    });
    expect(wrong).toBe(0);
    expect(found / truePairs).toBeGreaterThan(0.95);
  });
});
