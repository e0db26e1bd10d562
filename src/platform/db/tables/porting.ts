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

/** Port-outs: the numbers each one holds, and the LSR order that asked for them. */
export interface PortOutNumbersTable {
  order_id: string;
  tn: number;
  lsr_order_id: string | null;
  /** 1 while the port-out is open; a unique index allows one open port-out per number. */
  open: number;
}
