// Search attributes that let operators filter orders in the Temporal UI, e.g.
// OrderStatus = "pending" AND StoreId = "…". They are registered by temporal-dev.yml.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const orderStatusKey = defineSearchAttributeKey('OrderStatus', SearchAttributeType.KEYWORD);
export const storeIdKey = defineSearchAttributeKey('StoreId', SearchAttributeType.KEYWORD);
export const buyerIdKey = defineSearchAttributeKey('BuyerId', SearchAttributeType.KEYWORD);

/** Every search attribute the order workflow sets; the namespace must have each registered. */
export const ORDER_SEARCH_ATTRIBUTES = [orderStatusKey, storeIdKey, buyerIdKey] as const;
