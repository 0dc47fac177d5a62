-- A buyer's rating of a delivered order: one per order, 1 to 5 stars, an optional comment of at most
-- 1000 characters. storeId is the order's store, copied for the per-store average.
-- CreateTable
CREATE TABLE "OrderRating" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "storeId" UUID NOT NULL,
    "stars" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderRating_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OrderRating_stars_check" CHECK ("stars" BETWEEN 1 AND 5),
    CONSTRAINT "OrderRating_comment_check" CHECK (char_length("comment") <= 1000)
);

-- CreateIndex
CREATE UNIQUE INDEX "OrderRating_orderId_key" ON "OrderRating"("orderId");

-- CreateIndex
CREATE INDEX "OrderRating_storeId_idx" ON "OrderRating"("storeId");

-- AddForeignKey
ALTER TABLE "OrderRating" ADD CONSTRAINT "OrderRating_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
