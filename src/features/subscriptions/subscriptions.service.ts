import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../context.js';
import type { Executor } from '../../platform/db/database.js';
import { inTransaction, lockNamed, type Tx } from '../../platform/db/transaction.js';
import { ApiError } from '../../platform/http/api-error.js';
import { spkiOf } from '../../platform/security/public-key.js';
import { isUuid, text } from '../../shared/fields.js';
import { SubscriptionErrors as E } from './subscriptions.errors.js';
import {
  deleteSubscriptionRow,
  findSameTarget,
  findSubscriptionRow,
  insertSubscription,
  listSubscriptionRows,
  subscriptionsForOrder,
  updateSubscriptionRow,
  type SubscriptionRow,
} from './subscriptions.store.js';

/** The order types a subscription may name (contract §11, in Bandwidth's spelling). */
export const SUBSCRIPTION_ORDER_TYPES = [
  'portins',
  'portouts',
  'orders',
  'disconnects',
  'dldas',
  'lsrorders',
  'e911s',
  'tnoptions',
  'externalTns',
  'lidb',
] as const;
export type SubscriptionOrderType = (typeof SUBSCRIPTION_ORDER_TYPES)[number];

export const DIGESTS = ['NONE', 'DAILY'] as const;
export type Digest = (typeof DIGESTS)[number];

export interface SubscriptionInput {
  readonly orderType?: string | undefined;
  readonly orderId?: string | undefined;
  readonly email?:
    { readonly address?: string | undefined; readonly digest?: string | undefined } | undefined;
  readonly callback?:
    | {
        readonly url?: string | undefined;
        readonly user?: string | undefined;
        /** Seconds from now until the subscription stops (business clock); absent: never. */
        readonly expiry?: string | undefined;
        readonly basicAuth?:
          { readonly username?: string | undefined; readonly password?: string | undefined } | undefined;
        readonly publicKey?: string | undefined;
      }
    | undefined;
}

export interface Subscription {
  readonly id: string;
  readonly accountId: string;
  readonly orderType: string;
  readonly orderId: string | undefined;
  readonly email: { readonly address: string; readonly digest: Digest } | undefined;
  readonly callback:
    | {
        readonly url: string;
        readonly user: string | undefined;
        /** Business-clock epoch ms at which it stops; undefined: never. */
        readonly expiresAt: number | undefined;
        readonly username: string | undefined;
        readonly publicKey: string | undefined;
        readonly lastStatus: string | undefined;
      }
    | undefined;
  readonly signed: boolean;
  readonly createdAt: string;
}

/** What a sender needs to reach a subscriber, secrets opened. Never leaves the server. */
export interface SubscriberTarget extends Subscription {
  readonly password: string | undefined;
  readonly signingSecret: string | undefined;
}

const MAX_URL = 2048;
const MAX_EMAIL = 100;
/** Ten years: longer is a mistake, not a plan. */
const MAX_EXPIRY_SECONDS = 10 * 365 * 86_400;
const EMAIL =
  /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

interface ValidSubscription {
  orderType: SubscriptionOrderType;
  orderId: string | null;
  email: { address: string; digest: Digest } | null;
  callback: {
    url: string;
    user: string | null;
    expirySeconds: number;
    username: string | null;
    password: string | null;
    publicKey: string | null;
  } | null;
}

/** Checks a subscription as sent; the first rule broken is the error (404, as Bandwidth answers). */
export function validateSubscription(input: SubscriptionInput): ValidSubscription {
  const orderType = text(input.orderType);
  if (orderType === undefined) throw ApiError.of(E.orderTypeRequired);
  if (!(SUBSCRIPTION_ORDER_TYPES as readonly string[]).includes(orderType))
    throw ApiError.of(E.orderTypeInvalid);
  const orderId = text(input.orderId);
  if (orderId !== undefined && !isUuid(orderId.toLowerCase()))
    throw ApiError.of(E.invalid, `OrderId '${orderId}' is not an order id`);
  if (input.email && input.callback) {
    throw ApiError.of(E.invalid, 'give either EmailSubscription or CallbackSubscription, not both');
  }
  const base = { orderType: orderType as SubscriptionOrderType, orderId: orderId?.toLowerCase() ?? null };
  if (input.email) return { ...base, email: validEmail(input.email), callback: null };
  if (input.callback) return { ...base, email: null, callback: validCallback(input.callback) };
  throw ApiError.of(E.invalid, 'EmailSubscription or CallbackSubscription is required');
}

function validEmail(e: NonNullable<SubscriptionInput['email']>): { address: string; digest: Digest } {
  const address = text(e.address);
  if (address === undefined) throw ApiError.of(E.emailRequired);
  if (address.length > MAX_EMAIL || !EMAIL.test(address)) throw ApiError.of(E.emailInvalid, address);
  const digest = (text(e.digest) ?? 'NONE').toUpperCase();
  if (!(DIGESTS as readonly string[]).includes(digest)) throw ApiError.of(E.digestInvalid);
  return { address, digest: digest as Digest };
}

function validCallback(
  c: NonNullable<SubscriptionInput['callback']>,
): NonNullable<ValidSubscription['callback']> {
  // The RAML's examples wrap the URL in literal double quotes (contract row 76): ignore them.
  const url = text(c.url)
    ?.replace(/^"(.*)"$/, '$1')
    .trim();
  if (!url) throw ApiError.of(E.urlEmpty);
  if (url.length > MAX_URL || !isHttpUrl(url)) throw ApiError.of(E.urlInvalid);
  // Required (contract row 76 marks only User, CallbackCredentials and PublicKey optional).
  const expiry = text(c.expiry);
  const expirySeconds = expiry !== undefined && /^\d{1,12}$/.test(expiry) ? Number(expiry) : NaN;
  if (!(expirySeconds >= 1 && expirySeconds <= MAX_EXPIRY_SECONDS)) {
    throw ApiError.of(E.invalid, `Expiry must be a whole number of seconds from 1 to ${MAX_EXPIRY_SECONDS}`);
  }
  let username: string | null = null;
  let password: string | null = null;
  if (c.basicAuth) {
    username = text(c.basicAuth.username) ?? null;
    // A password is kept as given (spaces included), but must not be blank.
    password = c.basicAuth.password?.trim() ? c.basicAuth.password : null;
    if (!username || !password || username.includes(':') || username.length > 256 || password.length > 256) {
      throw ApiError.of(E.basicAuthIncomplete);
    }
  }
  const publicKey = text(c.publicKey) ?? null;
  if (publicKey !== null && (publicKey.length > 16_384 || !spkiOf(publicKey)))
    throw ApiError.of(E.publicKeyInvalid);
  // A pinned key guards a TLS connection; over plain http it would protect nothing.
  if (publicKey !== null && !url.startsWith('https:'))
    throw ApiError.of(E.invalid, 'a PublicKey needs an https URL');
  const user = text(c.user) ?? null;
  if (user !== null && user.length > 256) throw ApiError.of(E.invalid, 'User is too long');
  return { url, user, expirySeconds, username, password, publicKey };
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (
      (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.username && !u.password
    );
  } catch {
    return false;
  }
}

function columnsOf(deps: AppDeps, v: ValidSubscription) {
  const now = deps.clock.nowMs();
  const c = v.callback;
  return {
    order_type: v.orderType,
    order_id: v.orderId,
    channel: c ? ('callback' as const) : ('email' as const),
    email: v.email?.address ?? null,
    digest: v.email?.digest ?? null,
    url: c?.url ?? null,
    callback_user: c?.user ?? null,
    expiry_seconds: c?.expirySeconds ?? null,
    expires_at: c ? now + c.expirySeconds * 1000 : null,
    basic_username: c?.username ?? null,
    basic_password: c?.password ? deps.secrets.seal(c.password) : null,
    public_key: c?.publicKey ?? null,
    updated_at: new Date(now).toISOString(),
  };
}

export async function createSubscription(
  deps: AppDeps,
  accountId: string,
  input: SubscriptionInput,
): Promise<Subscription> {
  const valid = validateSubscription(input);
  const id = randomUUID();
  await inTransaction(deps.database.db, async (tx) => {
    const columns = await uniqueTarget(deps, tx, accountId, valid);
    await insertSubscription(tx.db, {
      id,
      account_id: accountId,
      ...columns,
      signing_secret: null,
      last_status: null,
      created_at: columns.updated_at,
    });
  });
  return requireSubscription(deps, accountId, id);
}

/**
 * PUT: the subscription is replaced by the one sent (its Expiry counts from now); its signing
 * secret stays. A body that fails validation is 400 here (contract row 78), not POST's 404.
 */
export async function updateSubscription(
  deps: AppDeps,
  accountId: string,
  id: string,
  input: SubscriptionInput,
): Promise<void> {
  await requireSubscription(deps, accountId, id);
  let valid: ValidSubscription;
  try {
    valid = validateSubscription(input);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) throw new ApiError(400, err.code, err.description);
    throw err;
  }
  await inTransaction(deps.database.db, async (tx) => {
    const columns = await uniqueTarget(deps, tx, accountId, valid, id.toLowerCase());
    await updateSubscriptionRow(tx.db, id.toLowerCase(), columns);
  });
}

/**
 * The subscription's columns, once no other subscription of the account has the same order type,
 * order and target (409 16008). On PostgreSQL the account's subscriptions are locked by name for
 * the check and the write; SQLite's single writer already serialises them.
 */
async function uniqueTarget(
  deps: AppDeps,
  tx: Tx,
  accountId: string,
  valid: ValidSubscription,
  exceptId?: string,
) {
  await lockNamed(tx, deps.database.dialect, `subscriptions:${accountId}`);
  const columns = columnsOf(deps, valid);
  const target = {
    accountId,
    orderType: valid.orderType,
    orderId: valid.orderId,
    url: columns.url,
    email: columns.email,
  };
  if (await findSameTarget(tx.db, target, exceptId)) throw ApiError.of(E.duplicate);
  return columns;
}

/** DELETE: it stops at once; deliveries already made stay in the log. */
export async function deleteSubscription(deps: AppDeps, accountId: string, id: string): Promise<void> {
  if (!(await deleteSubscriptionRow(deps.database.db, accountId, id.toLowerCase()))) {
    throw ApiError.of(E.subscriptionNotFound, id, accountId);
  }
}

export async function listSubscriptions(
  deps: AppDeps,
  accountId: string,
  filter: { orderType?: string | undefined; orderId?: string | undefined } = {},
): Promise<Subscription[]> {
  const rows = await listSubscriptionRows(deps.database.db, accountId, {
    orderType: filter.orderType,
    orderId: filter.orderId?.toLowerCase(),
  });
  return rows.map(subscriptionOf);
}

export async function requireSubscription(
  deps: AppDeps,
  accountId: string,
  id: string,
): Promise<Subscription> {
  const row = await findSubscriptionRow(deps.database.db, id.toLowerCase(), accountId);
  if (!row) throw ApiError.of(E.subscriptionNotFound, id, accountId);
  return subscriptionOf(row);
}

/** Any account's subscription, for operators (CLI). */
export async function findSubscription(deps: AppDeps, id: string): Promise<Subscription | undefined> {
  const row = await findSubscriptionRow(deps.database.db, id.toLowerCase());
  return row && subscriptionOf(row);
}

/** The subscriptions an event of the order reaches now (in the caller's transaction). */
export async function subscribersOf(
  db: Executor,
  order: { readonly accountId: string; readonly orderType: string; readonly orderId: string },
  nowMs: number,
): Promise<Subscription[]> {
  const rows = await subscriptionsForOrder(db, order.accountId, order.orderType, order.orderId, nowMs);
  return rows.map(subscriptionOf);
}

/** A subscription with its secrets opened, for the sender; undefined once it is deleted. */
export async function subscriberTarget(deps: AppDeps, id: string): Promise<SubscriberTarget | undefined> {
  const row = await findSubscriptionRow(deps.database.db, id);
  if (!row) return undefined;
  return {
    ...subscriptionOf(row),
    password: row.basic_password ? deps.secrets.open(row.basic_password) : undefined,
    signingSecret: row.signing_secret ? deps.secrets.open(row.signing_secret) : undefined,
  };
}

/** Records the outcome of the last delivery attempt (CallbackSubscription/Status). */
export async function recordDeliveryOutcome(db: Executor, id: string, status: string): Promise<void> {
  await updateSubscriptionRow(db, id, { last_status: status.slice(0, 500) });
}

/** Sets (or with undefined, removes) the HMAC signing secret of a subscription (operators, CLI). */
export async function setSigningSecret(
  deps: AppDeps,
  id: string,
  secret: string | undefined,
): Promise<boolean> {
  if (secret !== undefined && secret.length < 16)
    throw new Error('a signing secret has at least 16 characters');
  return updateSubscriptionRow(deps.database.db, id.toLowerCase(), {
    signing_secret: secret === undefined ? null : deps.secrets.seal(secret),
  });
}

function subscriptionOf(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    accountId: row.account_id,
    orderType: row.order_type,
    orderId: row.order_id ?? undefined,
    email:
      row.channel === 'email' && row.email
        ? { address: row.email, digest: (row.digest ?? 'NONE') as Digest }
        : undefined,
    callback:
      row.channel === 'callback' && row.url
        ? {
            url: row.url,
            user: row.callback_user ?? undefined,
            expiresAt: row.expires_at ?? undefined,
            username: row.basic_username ?? undefined,
            publicKey: row.public_key ?? undefined,
            lastStatus: row.last_status ?? undefined,
          }
        : undefined,
    signed: row.signing_secret !== null,
    createdAt: row.created_at,
  };
}
