import { PassThrough, type Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { ExportValueKind } from '@jigi/domain';
import type { XlsxValue } from './export-values';

// An XLSX workbook written as it is read: exceljs's streaming WorkbookWriter, each row committed as
// soon as it is added (inline strings, no shared-string table), one sheet after the other, and the
// reading paced by what the client has taken so that a slow download holds no more than about a
// megabyte of the workbook in memory.

export interface XlsxSheet {
  readonly name: string;
  readonly columns: readonly { readonly header: string; readonly kind: ExportValueKind }[];
  /** Read only when the sheet is written (an async generator starts on its first `next`). */
  readonly rows: AsyncIterable<XlsxValue[]>;
}

/** Excel number formats by kind: Excel shows them in the reader's locale (`150 000 FCFA` in French). */
const numberFormats: Partial<Record<ExportValueKind, string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm:ss',
  fcfa: '#,##0 "FCFA"',
};

/** How far the sheet's XML may run ahead of what the zip and the client have taken. */
const maxPendingBytes = 1 << 20;
const rowsBetweenChecks = 100;

/** Node's streams and readable-stream's (archiver's) both keep their buffered byte counts here. */
type Buffered = {
  _writableState?: { length?: number };
  _readableState?: { length?: number };
};
const buffered = (s: Buffered | undefined): number =>
  (s?._writableState?.length ?? 0) + (s?._readableState?.length ?? 0);

/**
 * Bytes of the workbook written but not yet taken by the client: exceljs buffers a sheet's XML in its
 * own stream and writes it into the zip's input without waiting, and the zip buffers what the output
 * has not taken, so this is where a slow client makes memory grow (exceljs 4.4.0 and archiver's
 * internals, pinned; the writer's backpressure test fails if they change).
 */
function pendingBytes(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  worksheet: ExcelJS.Worksheet,
  out: PassThrough,
): number {
  const sheet = (
    worksheet as unknown as { _stream?: { buffers?: { length: number }[]; pipes?: Buffered[] } }
  )._stream;
  let bytes = buffered(out as unknown as Buffered);
  bytes += buffered((workbook as unknown as { zip?: Buffered }).zip);
  for (const b of sheet?.buffers ?? []) bytes += b.length;
  for (const p of sheet?.pipes ?? []) bytes += buffered(p);
  return bytes;
}

/**
 * Lets the zip and the socket run (row writing alone never yields to the event loop: SQLite reads
 * are synchronous), then waits while more than `maxPendingBytes` wait for the client.
 */
async function caughtUp(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  worksheet: ExcelJS.Worksheet,
  out: PassThrough,
): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (!out.destroyed && pendingBytes(workbook, worksheet, out) > maxPendingBytes) await sleep(2);
}

/** The workbook as a stream: a frozen, bold header row per sheet, typed cells, formats by kind. */
export function xlsxStream(sheets: readonly XlsxSheet[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  void (async () => {
    for (const sheet of sheets) {
      const worksheet = workbook.addWorksheet(sheet.name, {
        views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
      });
      worksheet.columns = sheet.columns.map((c) => {
        const numFmt = numberFormats[c.kind];
        return {
          width: Math.min(40, Math.max(12, c.header.length + 2)),
          ...(numFmt === undefined ? {} : { style: { numFmt } }),
        };
      });
      const header = worksheet.addRow(sheet.columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
      let n = 0;
      for await (const row of sheet.rows) {
        if (out.destroyed) return;
        worksheet.addRow(row).commit();
        if (++n % rowsBetweenChecks === 0) await caughtUp(workbook, worksheet, out);
      }
      worksheet.commit();
    }
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
