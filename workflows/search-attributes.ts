// Search attributes that let operators filter orders in the Temporal UI, e.g.
// OrderStatus = "pending" AND StoreId = "…". They are registered by temporal-dev.yml.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const orderStatusKey = defineSearchAttributeKey('OrderStatus', SearchAttributeType.KEYWORD);
export const storeIdKey = defineSearchAttributeKey('StoreId', SearchAttributeType.KEYWORD);
export const buyerIdKey = defineSearchAttributeKey('BuyerId', SearchAttributeType.KEYWORD);
