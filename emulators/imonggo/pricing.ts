const discountRe = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/;

/**
 * A line's subtotal after its `discount_text`: "10%" takes a share off, "5" takes an amount off
 * the line, and several comma-separated discounts apply one after another. Whether an amount is
 * per unit or per line is not documented; per line is our guess. Undefined when the text is not
 * a discount.
 */
export function lineSubtotal(
  quantity: number,
  unitPrice: number,
  discountText: string,
): number | undefined {
  let subtotal = quantity * unitPrice;

  for (const part of discountText.split(',')) {
    if (part.trim() === '') continue;
    const match = discountRe.exec(part);
    if (!match) return undefined;
    const figure = Number(match[1]);
    subtotal = match[2] === '%' ? subtotal * (1 - figure / 100) : subtotal - figure;
  }

  return roundCents(Math.max(0, subtotal));
}

export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
