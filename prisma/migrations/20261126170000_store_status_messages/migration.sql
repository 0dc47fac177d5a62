-- A store's own wording of the message its buyers see for each status; a missing row means the default
-- of workflows/order-model.ts (STATUS_INFO).
-- CreateTable
CREATE TABLE "StoreStatusMessage" (
    "storeId" UUID NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "message" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoreStatusMessage_pkey" PRIMARY KEY ("storeId","status")
);

-- AddForeignKey
ALTER TABLE "StoreStatusMessage" ADD CONSTRAINT "StoreStatusMessage_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The message the buyer was told with each status change, as it was in force then. Null on events
-- projected before this column existed: stores had no custom messages then, so the default applies.
-- AlterTable
ALTER TABLE "OrderEvent" ADD COLUMN "statusMessage" TEXT;

-- The customer's phone number as digits only, so a search for 09175550101 or 917-555-0101 finds
-- "+63 917 555 0101". Computed by the database; no code writes it.
-- AlterTable
ALTER TABLE "Order" ADD COLUMN "phoneDigits" TEXT GENERATED ALWAYS AS (regexp_replace("customerPhone", '[^0-9]', '', 'g')) STORED;
