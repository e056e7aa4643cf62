// What the browser tests read and keep: today's date as Vietnam sees it, the Party's date line, the
// paragraphs of a downloaded DOCX, and optional screenshots.
import JSZip from 'jszip';
import type { Page } from 'playwright-core';

/** Today in Vietnam (UTC+7), as the server dates documents. */
export function vietnamToday(): { day: number; month: number; year: number } {
  const d = new Date(Date.now() + 7 * 3_600_000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}

/** The date line of a Party document: a zero before days under 10 and before months 1 and 2 (HD 36-HD/VPTW). */
export function partyDateLine({ day, month, year }: { day: number; month: number; year: number }): string {
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** The paragraphs of a DOCX as plain text (runs joined), read from word/document.xml. */
export async function docxParagraphs(data: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.split('</w:p>').map((p) =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('')
      .replaceAll('&amp;', '&')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>'),
  );
}

/** With KTGS_E2E_SHOTS=<dir>, saves full-page screenshots for a person to look at. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const dir = process.env.KTGS_E2E_SHOTS;
  if (!dir) return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage });
}
