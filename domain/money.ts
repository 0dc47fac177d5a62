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

/** Flat shipping fee per store order, in centavos. */
export const SHIPPING_FEE_CENTAVOS = 5_000;
