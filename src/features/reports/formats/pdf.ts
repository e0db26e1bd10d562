import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { cellText, type Batches, type FormatWriter, type ReportTable } from './table.js';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';

const MARGIN = 36;
const ROW = 14;
const FONT = 8;

/**
 * PDF (pdfkit, A4 landscape): the title, when it was run and its parameters, then the table with
 * its header repeated on every page and each page numbered; written as pages fill (pdfkit streams).
 */
export const writePdf: FormatWriter = async (table: ReportTable, batches: Batches, out: Writable) => {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, autoFirstPage: true });
  // pipeline: an error of the file's store ends the document and surfaces here, never unhandled.
  const piped = pipeline(doc, out);
  piped.catch(() => undefined);
  const width = doc.page.width - 2 * MARGIN;
  const total = table.columns.reduce((n, c) => n + c.width, 0);
  const xs: number[] = [];
  let x = MARGIN;
  for (const c of table.columns) {
    xs.push(x);
    x += (c.width / total) * width;
  }
  const colWidth = (i: number) => ((table.columns[i]?.width ?? 0) / total) * width - 4;
  let pageNo = 1;
  const footer = () => {
    const bottom = doc.page.height - MARGIN + 10;
    doc
      .font('Helvetica')
      .fontSize(FONT)
      .text(`${table.title} · page ${pageNo}`, MARGIN, bottom, { width, align: 'right', lineBreak: false });
  };
  const header = (y: number) => {
    doc.font('Helvetica-Bold').fontSize(FONT);
    table.columns.forEach((c, i) =>
      doc.text(c.header, xs[i] ?? MARGIN, y, { width: colWidth(i), lineBreak: false, ellipsis: true }),
    );
    doc
      .moveTo(MARGIN, y + ROW - 3)
      .lineTo(MARGIN + width, y + ROW - 3)
      .lineWidth(0.5)
      .stroke();
    doc.font('Helvetica');
    return y + ROW;
  };

  doc.font('Helvetica-Bold').fontSize(16).text(table.title, MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(9).text(`Run at ${table.ranAt}`);
  for (const p of table.parameters) doc.text(`${p.name}: ${p.value}`);
  let y = header(doc.y + 10);
  const bottom = doc.page.height - MARGIN - ROW;
  for await (const batch of batches) {
    for (const row of batch) {
      if (y > bottom) {
        footer();
        doc.addPage();
        pageNo++;
        y = header(MARGIN);
      }
      row.forEach((c, i) =>
        doc.text(cellText(c), xs[i] ?? MARGIN, y, { width: colWidth(i), lineBreak: false, ellipsis: true }),
      );
      y += ROW;
    }
    // Let pdfkit hand the pages written so far to the stream before reading more rows.
    if (out.errored) throw out.errored;
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  footer();
  doc.end();
  await piped;
};
