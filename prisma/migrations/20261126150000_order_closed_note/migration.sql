-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "closedNote" TEXT;
