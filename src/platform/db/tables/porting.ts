/** Port-ins: the numbers each one holds, and its documents (LOAs, invoices, CSRs). */

export interface PortInNumbersTable {
  order_id: string;
  tn: number;
  /** 1 while the port-in is open; a unique index allows one open port-in per number. */
  open: number;
  activated_at: string | null;
}

export interface PortDocumentsTable {
  /** `<orderId>-<epochMillis>.<ext>`, as Bandwidth names LOA files. */
  id: string;
  order_id: string;
  media_type: string;
  size: number;
  content: Buffer;
  document_name: string | null;
  document_type: string;
  created_at: string;
  updated_at: string;
}
