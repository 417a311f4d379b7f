import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { formatDateFr } from '@jigi/domain';

// The printable list of a village for an assembly held without a tablet: the households as the
// assembly hears them (rank, code, head's name — never a score), boxes to tick, lines for the
// households it adds, the attendance and the signatures of the minutes. Its result is entered
// afterwards in the assembly record (the same record the tablet would have filled).

export type PrintableLine = {
  listRank?: number | undefined;
  householdCode?: string | undefined;
  headName: string;
  listStatus: string;
};

export type PrintableList = {
  villageName: string;
  demo: boolean;
  quota: number;
  publishedAt: string;
  lines: readonly PrintableLine[];
};

// DejaVu covers the national letters (ɛ ɔ ɲ ŋ ɓ ɗ ƴ) that the PDF standard fonts cannot draw; when a
// server lacks it, Helvetica draws the French text and those letters are replaced by their folded
// form rather than by blanks.
const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const regular = `${FONT_DIR}/DejaVuSans.ttf`;
const bold = `${FONT_DIR}/DejaVuSans-Bold.ttf`;
const FOLD: Readonly<Record<string, string>> = {
  ɛ: 'e',
  Ɛ: 'E',
  ɔ: 'o',
  Ɔ: 'O',
  ɲ: 'ny',
  Ɲ: 'Ny',
  ŋ: 'ng',
  Ŋ: 'Ng',
  ɓ: 'b',
  Ɓ: 'B',
  ɗ: 'd',
  Ɗ: 'D',
  ƴ: 'y',
  Ƴ: 'Y',
};

/** Writes the list as a PDF; resolves with its bytes. */
export function villageListPdf(list: PrintableList): Promise<Buffer> {
  const embedded = fs.existsSync(regular) && fs.existsSync(bold);
  const text = (s: string) =>
    embedded ? s : s.replace(/[ɛƐɔƆɲƝŋŊɓƁɗƊƴƳ]/g, (c) => FOLD[c] ?? c).replaceAll('☐', '[ ]');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `Liste — ${list.villageName}` },
  });
  if (embedded) {
    doc.registerFont('body', regular);
    doc.registerFont('bold', bold);
  } else {
    doc.registerFont('body', 'Helvetica');
    doc.registerFont('bold', 'Helvetica-Bold');
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });

  doc
    .font('bold')
    .fontSize(16)
    .text(text(`Assemblée villageoise — ${list.villageName}`));
  if (list.demo) doc.font('bold').fontSize(11).fillColor('#a00').text('DÉMO — données fictives');
  doc.fillColor('black').font('body').fontSize(10);
  doc.text(
    `Liste publiée le ${formatDateFr(list.publishedAt.slice(0, 10))} · quota du village : ${String(list.quota)} ménages`,
  );
  doc.text('Pour chaque ménage, cochez la décision de l’assemblée et notez le motif d’un retrait.');
  doc.moveDown();

  const cols = { rank: 40, code: 70, name: 190, kept: 370, removed: 420, reason: 470 };
  const header = () => {
    const y = doc.y;
    doc.font('bold').fontSize(9);
    doc.text('Rang', cols.rank, y);
    doc.text('Code ménage', cols.code, y);
    doc.text('Chef de ménage', cols.name, y);
    doc.text('Retenu', cols.kept, y);
    doc.text('Retiré', cols.removed, y);
    doc.text('Motif', cols.reason, y);
    doc
      .moveTo(40, doc.y + 2)
      .lineTo(555, doc.y + 2)
      .stroke();
    doc.moveDown(0.5);
    doc.font('body').fontSize(9);
  };
  const box = (x: number, y: number) => doc.rect(x + 8, y, 10, 10).stroke();
  const row = (line: PrintableLine | undefined) => {
    if (doc.y > 760) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    doc.text(line?.listRank !== undefined ? String(line.listRank) : '', cols.rank, y, {
      width: 28,
    });
    doc.text(text(line?.householdCode ?? ''), cols.code, y, { width: 115 });
    doc.text(text(line?.headName ?? '……………………………'), cols.name, y, { width: 175 });
    box(cols.kept, y);
    box(cols.removed, y);
    doc
      .moveTo(cols.reason, y + 10)
      .lineTo(555, y + 10)
      .dash(1, { space: 2 })
      .stroke()
      .undash();
    doc.x = 40;
    doc.y = y + 18;
  };

  const selected = list.lines.filter((l) => l.listStatus === 'selected');
  const waiting = list.lines.filter((l) => l.listStatus === 'waiting');
  doc.font('bold').fontSize(11).text('Ménages dans le quota');
  header();
  for (const l of selected) row(l);
  doc.moveDown();
  if (waiting.length > 0) {
    doc.font('bold').fontSize(11).text('Liste d’attente (peuvent être ajoutés)', 40);
    header();
    for (const l of waiting) row(l);
    doc.moveDown();
  }
  doc.font('bold').fontSize(11).text('Ménages ajoutés par l’assemblée', 40);
  header();
  for (let i = 0; i < 5; i++) row(undefined);
  doc.moveDown();
  if (doc.y > 650) doc.addPage();
  doc.font('body').fontSize(10);
  doc.text('Date de l’assemblée : ____ / ____ / ________     Lieu : ______________________', 40);
  doc.moveDown(0.5);
  doc.text('Présents : hommes ______   femmes ______');
  doc.moveDown(0.5);
  doc.text(
    text(
      'Décision du PV :  ☐ liste validée telle quelle   ☐ validée avec modifications   ☐ rejetée',
    ),
  );
  doc.moveDown();
  doc.text(
    'Signatures : chef de village ____________   comité de ciblage ____________   ONG / mairie ____________',
  );
  doc.end();
  return done;
}
