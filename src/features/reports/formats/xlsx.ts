import type { Writable } from 'node:stream';
import { escapeXml } from '../../../platform/xml/encode.js';
import { zipTo } from '../../../platform/zip.js';
import type { Cell } from '../catalogue.js';
import { put, type Batches, type FormatWriter, type ReportTable } from './table.js';

/**
 * Excel (Office Open XML, `.xlsx`): a workbook of two sheets, the report (a bold, frozen header row,
 * typed cells: numbers as numbers, dates as dates, column widths) and its details. The sheet is
 * written row by row into a ZIP entry (platform/zip.ts, archiver) with back-pressure all the way to the file, so a
 * million rows never sit in memory. The XML is the format's own, kept to what Excel and LibreOffice
 * need (checked by reading the files back with exceljs).
 */
const STYLE_BOLD = 1;
const STYLE_DATE = 2;

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(i: number): string {
  let n = i + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Excel's serial day number (days since 1899-12-30, fractions for the time). */
const serialOf = (d: Date) => d.getTime() / 86_400_000 + 25_569;

function cellXml(c: Cell, ref: string, style?: number): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (c === null) return '';
  if (c instanceof Date) return `<c r="${ref}" s="${STYLE_DATE}"><v>${serialOf(c)}</v></c>`;
  if (typeof c === 'number') return Number.isFinite(c) ? `<c r="${ref}"${s}><v>${c}</v></c>` : '';
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${escapeXml(c)}</t></is></c>`;
}

function rowXml(cells: readonly Cell[], r: number, style?: number): string {
  return `<row r="${r}">${cells.map((c, i) => cellXml(c, `${columnName(i)}${r}`, style)).join('')}</row>`;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CONTENT_TYPES = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Report" sheetId="1" r:id="rId1"/><sheet name="About" sheetId="2" r:id="rId2"/></sheets></workbook>`;
const WORKBOOK_RELS = `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
// Styles: 0 plain, 1 bold (headers), 2 a date and time.
const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

function sheetStart(widths: readonly number[]): string {
  const cols = widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  return `${HEAD}<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>`;
}
const SHEET_END = '</sheetData></worksheet>';

export const writeXlsx: FormatWriter = async (table: ReportTable, batches: Batches, out: Writable) => {
  const zip = zipTo(out);
  zip.add('[Content_Types].xml', CONTENT_TYPES);
  zip.add('_rels/.rels', ROOT_RELS);
  zip.add('xl/workbook.xml', WORKBOOK);
  zip.add('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
  zip.add('xl/styles.xml', STYLES);

  const sheet = zip.entry('xl/worksheets/sheet1.xml');
  await put(sheet, sheetStart(table.columns.map((c) => c.width)));
  await put(
    sheet,
    rowXml(
      table.columns.map((c) => c.header),
      1,
      STYLE_BOLD,
    ),
  );
  let r = 1;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    await put(sheet, batch.map((row) => rowXml(row, ++r)).join(''));
  }
  await put(sheet, SHEET_END);
  sheet.end();

  const about: Cell[][] = [['Run at', table.ranAt], ...table.parameters.map((p) => [p.name, p.value])];
  zip.add(
    'xl/worksheets/sheet2.xml',
    sheetStart([24, 48]) +
      rowXml(['Report', table.title], 1, STYLE_BOLD) +
      about.map((row, i) => rowXml(row, i + 2)).join('') +
      SHEET_END,
  );
  await zip.finish();
};
