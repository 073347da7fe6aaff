import PDFDocument from "pdfkit";
import type { InvoiceLineData, InvoiceStatus } from "./invoice.entity.ts";
import { formatMoney } from "./money-format.util.ts";

export interface InvoicePdfData {
  brand: { name: string; primaryColor?: string | null };
  invoice: {
    number: string;
    status: InvoiceStatus;
    currency: string;
    subtotal: number;
    tax: number;
    total: number;
    issuedAt: Date;
    lines: InvoiceLineData[];
    mode: "test" | "live";
  };
  customer: { name?: string | null; email: string };
}

const DEFAULT_COLOR = "#1f2937";
const STAMPS: Record<InvoiceStatus, { label: string; color: string }> = {
  paid: { label: "PAID", color: "#15803d" },
  open: { label: "OPEN", color: "#c2410c" },
  void: { label: "VOID", color: "#6b7280" },
  uncollectible: { label: "UNCOLLECTIBLE", color: "#b91c1c" },
};

/** The built-in PDF fonts cover Windows-1252 only: anything else would print as garbage, so it becomes "?". */
const WIN_ANSI_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
export function pdfText(value: string): string {
  return [...value].map((char) => (char.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRAS.includes(char) ? char : "?")).join("");
}

const color = (value: string | null | undefined) => (value && /^#[0-9a-f]{6}$/i.test(value) ? value : DEFAULT_COLOR);
const date = (value: Date) => value.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** Renders one invoice as an A4 PDF: brand band, number and dates, customer, lines, totals, status stamp. */
export function renderInvoicePdf(data: InvoicePdfData, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { brand, invoice, customer } = data;
  const money = (amount: number) => pdfText(formatMoney(amount, invoice.currency));
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    compress: options.compress ?? true,
    info: { Title: pdfText(`Invoice ${invoice.number}`), Author: pdfText(brand.name), Producer: "Billfold", CreationDate: invoice.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = 50;
  const right = doc.page.width - 50;
  const width = right - left;

  // Brand band.
  doc.rect(0, 0, doc.page.width, 90).fill(color(brand.primaryColor));
  doc.fillColor("#ffffff").font("Helvetica-Bold").fontSize(22).text(pdfText(brand.name), left, 32, { width: width - 120, lineBreak: false, ellipsis: true });
  doc.font("Helvetica").fontSize(12).text("INVOICE", right - 120, 38, { width: 120, align: "right" });
  if (invoice.mode === "test") {
    doc.fontSize(8).text("TEST MODE - no real money moved", right - 200, 58, { width: 200, align: "right" });
  }

  // Number, dates and status stamp.
  doc.fillColor("#111827").font("Helvetica-Bold").fontSize(16).text(pdfText(`Invoice ${invoice.number}`), left, 120);
  doc.font("Helvetica").fontSize(10).fillColor("#374151");
  doc.text(`Issued: ${date(invoice.issuedAt)}`, left, 145);
  doc.text(invoice.status === "open" ? "Due: on receipt" : `Status: ${STAMPS[invoice.status].label.toLowerCase()}`, left, 160);
  const stamp = STAMPS[invoice.status];
  doc.save().rotate(-12, { origin: [right - 80, 140] });
  doc.lineWidth(2.5).strokeColor(stamp.color).roundedRect(right - 150, 118, 140, 40, 6).stroke();
  doc.fillColor(stamp.color).font("Helvetica-Bold").fontSize(stamp.label.length > 6 ? 13 : 22).text(stamp.label, right - 150, stamp.label.length > 6 ? 131 : 128, { width: 140, align: "center" });
  doc.restore();

  // Customer.
  doc.fillColor("#6b7280").font("Helvetica-Bold").fontSize(9).text("BILLED TO", left, 200);
  doc.fillColor("#111827").font("Helvetica").fontSize(11);
  if (customer.name) doc.text(pdfText(customer.name), left, 214);
  doc.text(pdfText(customer.email), left, customer.name ? 229 : 214);

  // Lines.
  const columns = { description: left, quantity: left + width * 0.55, unit: left + width * 0.65, amount: left + width * 0.82 };
  const tableTop = 270;
  doc.rect(left, tableTop, width, 22).fill("#f3f4f6");
  doc.fillColor("#374151").font("Helvetica-Bold").fontSize(9);
  doc.text("DESCRIPTION", columns.description + 6, tableTop + 7);
  doc.text("QTY", columns.quantity, tableTop + 7, { width: columns.unit - columns.quantity - 6, align: "right" });
  doc.text("UNIT PRICE", columns.unit, tableTop + 7, { width: columns.amount - columns.unit - 6, align: "right" });
  doc.text("AMOUNT", columns.amount, tableTop + 7, { width: right - columns.amount - 6, align: "right" });
  let y = tableTop + 30;
  doc.font("Helvetica").fontSize(10).fillColor("#111827");
  for (const line of invoice.lines) {
    if (y > doc.page.height - 160) {
      doc.addPage();
      y = 60;
    }
    const height = doc.heightOfString(pdfText(line.description), { width: columns.quantity - columns.description - 12 });
    doc.text(pdfText(line.description), columns.description + 6, y, { width: columns.quantity - columns.description - 12 });
    doc.text(String(line.quantity), columns.quantity, y, { width: columns.unit - columns.quantity - 6, align: "right" });
    doc.text(money(line.unitAmount), columns.unit, y, { width: columns.amount - columns.unit - 6, align: "right" });
    doc.text(money(line.amount), columns.amount, y, { width: right - columns.amount - 6, align: "right" });
    y += Math.max(height, 12) + 10;
    doc.moveTo(left, y - 5).lineTo(right, y - 5).lineWidth(0.5).strokeColor("#e5e7eb").stroke();
  }

  // Totals.
  y += 10;
  const totalRow = (label: string, value: string, bold = false) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? 12 : 10).fillColor("#111827");
    doc.text(label, columns.unit - 40, y, { width: columns.amount - columns.unit + 34, align: "right" });
    doc.text(value, columns.amount, y, { width: right - columns.amount - 6, align: "right" });
    y += bold ? 20 : 16;
  };
  totalRow("Subtotal", money(invoice.subtotal));
  totalRow("Tax", money(invoice.tax));
  doc.moveTo(columns.unit, y - 2).lineTo(right, y - 2).lineWidth(1).strokeColor("#9ca3af").stroke();
  y += 4;
  totalRow(`Total (${invoice.currency.toUpperCase()})`, money(invoice.total), true);

  doc.font("Helvetica").fontSize(8).fillColor("#9ca3af").text(pdfText(`${brand.name} - invoice ${invoice.number} - billed through Billfold`), left, doc.page.height - 70, { width, align: "center" });
  doc.end();
  return done;
}
