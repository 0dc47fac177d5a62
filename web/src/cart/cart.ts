// The cart lives in the browser only (it is not server state), kept in localStorage so it survives a
// reload. Product details and prices come from the catalog query, never from here.
import { createSignal } from 'solid-js';

export interface CartLine {
  productId: string;
  quantity: number;
}

const STORAGE_KEY = 'cart';
export const MAX_QUANTITY = 99;

function load(): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isCartLine) : [];
  } catch {
    return [];
  }
}

function isCartLine(value: unknown): value is CartLine {
  const line = value as CartLine;
  return typeof line?.productId === 'string' && Number.isInteger(line.quantity) && line.quantity > 0;
}

const [lines, setLines] = createSignal<CartLine[]>(load());

function save(next: CartLine[]): void {
  setLines(next);
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
}

export const cartLines = lines;

export function cartCount(): number {
  return lines().reduce((sum, line) => sum + line.quantity, 0);
}

export function quantityInCart(productId: string): number {
  return lines().find((line) => line.productId === productId)?.quantity ?? 0;
}

export function addToCart(productId: string): void {
  setQuantity(productId, quantityInCart(productId) + 1);
}

/** Sets a line's quantity, clamped to 1–99; 0 removes the line. */
export function setQuantity(productId: string, quantity: number): void {
  const clamped = Math.min(MAX_QUANTITY, Math.max(0, Math.floor(quantity)));
  const current = lines();
  if (clamped === 0) {
    save(current.filter((line) => line.productId !== productId));
    return;
  }
  const inCart = current.some((line) => line.productId === productId);
  save(
    inCart
      ? current.map((line) => (line.productId === productId ? { productId, quantity: clamped } : line))
      : [...current, { productId, quantity: clamped }],
  );
}

export function clearCart(): void {
  save([]);
}

// Another tab changed the cart.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) setLines(load());
});
