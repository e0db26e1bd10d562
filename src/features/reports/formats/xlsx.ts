import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Batches, FormatWriter, ReportTable } from './table.js';

/**
 * Excel (exceljs' streaming workbook writer, so rows are committed as they come): the table on its
 * own sheet with a bold, frozen header row, typed cells (numbers and dates as such) and column
 * widths, and the run's details on a second sheet.
 */
export const writeXlsx: FormatWriter = async (table: ReportTable, batches: Batches, out: Writable) => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'bandwidth-dashboard-server';
  const sheet = workbook.addWorksheet('Report', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width,
    ...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of batches) for (const row of batch) sheet.addRow([...row]).commit();
  sheet.commit();
  const about = workbook.addWorksheet('About');
  about.columns = [
    { header: 'Report', key: 'name', width: 24 },
    { header: table.title, key: 'value', width: 48 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow(['Run at', table.ranAt]).commit();
  for (const p of table.parameters) about.addRow([p.name, p.value]).commit();
  about.commit();
  await workbook.commit();
};
