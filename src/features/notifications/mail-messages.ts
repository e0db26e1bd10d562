import type { OrderNotification } from './notification.js';

/** The text of notification e-mails: one event, or a day's digest. */

/** Where an order of a subscription's type is read in the API (`lidb` orders live under /lidbs). */
function orderPath(accountId: string, n: OrderNotification): string {
  const collection = n.orderType === 'lidb' ? 'lidbs' : n.orderType;
  return `/api/accounts/${accountId}/${collection}/${n.orderId}`;
}

function describe(n: OrderNotification, accountId: string, publicUrl: string): string[] {
  const lines = [
    `Order type:  ${n.orderType}`,
    `Order id:    ${n.orderId}`,
    ...(n.customerOrderId ? [`Customer order id: ${n.customerOrderId}`] : []),
    `Status:      ${n.status}`,
    ...(n.message ? [`Message:     ${n.message}`] : []),
    ...(n.note ? [`Note:        ${n.note}`] : []),
    ...(n.completedNumbers?.length ? [`Numbers:     ${n.completedNumbers.join(', ')}`] : []),
    `At:          ${n.lastModifiedDate}`,
    `Link:        ${publicUrl}${orderPath(accountId, n)}`,
  ];
  return lines;
}

export function eventMail(
  n: OrderNotification,
  accountId: string,
  publicUrl: string,
): { subject: string; text: string } {
  const what = n.note !== undefined ? `note added (${n.status})` : n.status;
  return {
    subject: `Bandwidth ${n.orderType} order ${n.orderId}: ${what}`,
    text: [`Account ${accountId}: an order event.`, '', ...describe(n, accountId, publicUrl), ''].join('\n'),
  };
}

export function digestMail(
  day: string,
  items: readonly OrderNotification[],
  accountId: string,
  publicUrl: string,
): { subject: string; text: string } {
  const blocks = items.map((n, i) =>
    [`${i + 1}.`, ...describe(n, accountId, publicUrl).map((l) => `   ${l}`)].join('\n'),
  );
  return {
    subject: `Bandwidth daily digest for ${day}: ${items.length} order event${items.length === 1 ? '' : 's'}`,
    text: [`Account ${accountId}: the order events of ${day}.`, '', ...blocks, ''].join('\n\n'),
  };
}
