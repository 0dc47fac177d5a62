// Money is kept as integer centavos everywhere and only turned into pesos for display.

const pesoFormat = new Intl.NumberFormat('en-PH', { style: 'currency', currency: 'PHP' });

export function formatPeso(centavos: number): string {
  return pesoFormat.format(centavos / 100);
}

export interface PricedLine {
  unitPriceCentavos: number;
  quantity: number;
}

export function lineTotal(line: PricedLine): number {
  return line.unitPriceCentavos * line.quantity;
}

export function sumLines(lines: readonly PricedLine[]): number {
  return lines.reduce((sum, line) => sum + lineTotal(line), 0);
}

/** How many pieces the lines hold, e.g. 3 for two tees and a cap. */
export function countItems(lines: readonly Pick<PricedLine, 'quantity'>[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** Flat shipping fee per store order, in centavos. */
export const SHIPPING_FEE_CENTAVOS = 5_000;

export interface OrderPrice {
  subtotalCentavos: number;
  shippingCentavos: number;
  totalCentavos: number;
}

/** What one store's order costs: the lines, plus the flat shipping fee. Checkout and the cart both price with it. */
export function priceOrder(lines: readonly PricedLine[]): OrderPrice {
  const subtotalCentavos = sumLines(lines);
  return { subtotalCentavos, shippingCentavos: SHIPPING_FEE_CENTAVOS, totalCentavos: subtotalCentavos + SHIPPING_FEE_CENTAVOS };
}
